using Hypernetworks.Model;
using Hypernetworks.Model.Application;
using static TorchSharp.torch;

namespace Hypernetworks.TorchSharp.Model;

/// <summary>
/// <see cref="GeneratorKind.SharedTrunk"/>, <see cref="GeneratorKind.LowRank"/> (one trunk) and
/// <see cref="GeneratorKind.PerLayer"/> (one trunk per target layer): a linear head per generated tensor.
/// </summary>
internal sealed class TorchHeadedGenerator : TorchGenerator
{
    private readonly (TorchTrunk Trunk, (int Tensor, Tensor Weight, Tensor Bias)[] Heads)[] _parts;
    private readonly int _tensorCount;

    public TorchHeadedGenerator(ParameterCursor cursor, HypernetworkSpec spec, TargetLayout layout, int zSize)
    {
        bool perLayer = spec.Generator == GeneratorKind.PerLayer;
        IEnumerable<IGrouping<int, int>> groups = Enumerable.Range(0, layout.Tensors.Count).GroupBy(t => perLayer ? layout.Tensors[t].Layer : 0);
        _parts = [.. groups.Select(g =>
        {
            var trunk = new TorchTrunk(cursor, zSize, spec.HiddenSizes, spec.GeneratorActivation);
            (int, Tensor, Tensor)[] heads = [.. g.Select(t => (t, cursor.Next(layout.Tensors[t].Length, trunk.OutputSize), cursor.Next(layout.Tensors[t].Length)))];
            return (trunk, heads);
        })];
        _tensorCount = layout.Tensors.Count;
    }

    public override Tensor[] Generate(Tensor z)
    {
        var theta = new Tensor[_tensorCount];
        foreach ((TorchTrunk trunk, (int Tensor, Tensor Weight, Tensor Bias)[] heads) in _parts)
        {
            Tensor e = trunk.Forward(z);
            foreach ((int t, Tensor weight, Tensor bias) in heads)
            {
                theta[t] = nn.functional.linear(e, weight, bias);
            }
        }

        return theta;
    }
}
