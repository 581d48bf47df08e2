using Hypernetworks.Model.Generators;

namespace Hypernetworks.Model.Application;

/// <summary>
/// Where each generated target tensor lives in a row of the generated-parameter matrix θ [groups, Size], and
/// the variance hyperfan initialisation aims it at. Dense layers hold W [out, in] then b [out]; low-rank layers
/// hold U [out, r], V [in, r] then b [out].
/// </summary>
internal sealed class TargetLayout
{
    private readonly GeneratedTensor[] _tensors;
    private readonly int[] _firstTensorOfLayer;
    private readonly int[] _ranks;

    public TargetLayout(HypernetworkSpec spec)
    {
        LowRank = spec.Generator == GeneratorKind.LowRank;
        Layers = [.. spec.TargetLayerSizes];
        _ranks = [.. Layers.Select(s => LowRank ? Math.Min(spec.Rank, Math.Min(s.In, s.Out)) : 0)];
        var tensors = new List<GeneratedTensor>();
        _firstTensorOfLayer = new int[Layers.Count];
        long offset = 0;
        for (int l = 0; l < Layers.Count; l++)
        {
            (int input, int output) = Layers[l];
            float weightVariance = TargetVariance.Weight(spec.Initialization, spec.Activation, input, output);
            float biasVariance = TargetVariance.Bias(spec.Initialization, input, output);
            _firstTensorOfLayer[l] = tensors.Count;
            if (LowRank)
            {
                // Var(Σ_r U·V) = r·Var(U)·Var(V): split the weight variance evenly between the factors.
                int rank = _ranks[l];
                float factorVariance = MathF.Sqrt(weightVariance / rank);
                Add(tensors, ref offset, $"layer{l}.u", l, output, rank, factorVariance, weightVariance, rank);
                Add(tensors, ref offset, $"layer{l}.v", l, input, rank, factorVariance, weightVariance, rank);
            }
            else
            {
                Add(tensors, ref offset, $"layer{l}.weight", l, output, input, weightVariance, weightVariance);
            }

            Add(tensors, ref offset, $"layer{l}.bias", l, 1, output, biasVariance, weightVariance);
        }

        if (offset > Array.MaxLength)
        {
            throw new ArgumentException($"The target network has {offset} generated parameters; at most {Array.MaxLength} are supported.", nameof(spec));
        }

        _tensors = [.. tensors];
        MaxRank = _ranks.Max();
        LargestWidth = Math.Max(Layers[0].In, Layers.Max(l => l.Out));
        Size = (int)offset;
    }

    public IReadOnlyList<(int In, int Out)> Layers { get; }

    public bool LowRank { get; }

    /// <summary>The rank of low-rank layer l: min(spec rank, in, out).</summary>
    public int Rank(int layer) => _ranks[layer];

    /// <summary>The largest layer rank.</summary>
    public int MaxRank { get; }

    /// <summary>Generated floats per condition.</summary>
    public int Size { get; }

    public IReadOnlyList<GeneratedTensor> Tensors => _tensors;

    /// <summary>Offset of layer l's W (dense) or U (low rank).</summary>
    public int WeightOffset(int layer) => _tensors[_firstTensorOfLayer[layer]].Offset;

    /// <summary>Offset of layer l's V (low rank only).</summary>
    public int FactorVOffset(int layer) => _tensors[_firstTensorOfLayer[layer] + 1].Offset;

    public int BiasOffset(int layer) => _tensors[_firstTensorOfLayer[layer] + (LowRank ? 2 : 1)].Offset;

    /// <summary>The widest activation of the target (its input or any layer's output).</summary>
    public int LargestWidth { get; }

    private static void Add(List<GeneratedTensor> tensors, ref long offset, string name, int layer, int rows, int columns, float variance, float layerWeightVariance, int factorRank = 0)
    {
        tensors.Add(new GeneratedTensor(name, layer, (int)offset, rows, columns, variance, layerWeightVariance, factorRank));
        offset += (long)rows * columns;
    }
}
