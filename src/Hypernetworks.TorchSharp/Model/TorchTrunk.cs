using Hypernetworks.Layers;
using static TorchSharp.torch;

namespace Hypernetworks.TorchSharp.Model;

/// <summary>The generator's hidden MLP: each layer linear then the generator activation (the identity with no layers).</summary>
internal sealed class TorchTrunk
{
    private readonly (Tensor Weight, Tensor Bias)[] _layers;
    private readonly Activation _activation;

    public TorchTrunk(ParameterCursor cursor, int inputSize, IReadOnlyList<int> hiddenSizes, Activation activation)
    {
        _activation = activation;
        _layers = new (Tensor, Tensor)[hiddenSizes.Count];
        long width = inputSize;
        for (int i = 0; i < hiddenSizes.Count; i++)
        {
            _layers[i] = (cursor.Next(hiddenSizes[i], width), cursor.Next(hiddenSizes[i]));
            width = hiddenSizes[i];
        }

        OutputSize = width;
    }

    public long OutputSize { get; }

    /// <summary>The first layer (the chunked generator splits its input columns).</summary>
    public (Tensor Weight, Tensor Bias) FirstLayer => _layers[0];

    public Tensor Forward(Tensor x) => ForwardFrom(0, x);

    /// <summary>Activates <paramref name="firstPreActivation"/> (layer 0's pre-activation) and runs layers 1….</summary>
    public Tensor ForwardFromFirstPreActivation(Tensor firstPreActivation) => ForwardFrom(1, TorchActivations.Apply(_activation, firstPreActivation));

    private Tensor ForwardFrom(int first, Tensor x)
    {
        for (int i = first; i < _layers.Length; i++)
        {
            x = TorchActivations.Apply(_activation, nn.functional.linear(x, _layers[i].Weight, _layers[i].Bias));
        }

        return x;
    }
}
