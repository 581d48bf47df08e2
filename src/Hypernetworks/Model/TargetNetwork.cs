using Hypernetworks.Layers;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model;

/// <summary>
/// A plain MLP holding the weights a hypernetwork generated for one condition: it runs without the hypernetwork.
/// Layer l computes x·W_lᵀ + b_l with W_l stored [out, in]; the activation follows every layer but the last.
/// </summary>
public sealed class TargetNetwork
{
    private readonly float[][] _weights;
    private readonly float[][] _biases;
    private float[] _scratchA = [];
    private float[] _scratchB = [];

    /// <summary>Creates the network from its layers' weights ([out, in] row-major) and biases ([out]).</summary>
    public TargetNetwork(IReadOnlyList<(int In, int Out)> layerSizes, IReadOnlyList<float[]> weights, IReadOnlyList<float[]> biases, Activation activation)
    {
        ArgumentNullException.ThrowIfNull(layerSizes);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(biases);
        if (layerSizes.Count == 0 || weights.Count != layerSizes.Count || biases.Count != layerSizes.Count)
        {
            throw new ArgumentException($"Got {layerSizes.Count} layer sizes, {weights.Count} weights and {biases.Count} biases; expected the same positive count.", nameof(layerSizes));
        }

        for (int l = 0; l < layerSizes.Count; l++)
        {
            (int input, int output) = layerSizes[l];
            if (l > 0 && input != layerSizes[l - 1].Out)
            {
                throw new ArgumentException($"Layer {l} reads {input} inputs but layer {l - 1} emits {layerSizes[l - 1].Out}.", nameof(layerSizes));
            }

            if (weights[l].Length != input * output || biases[l].Length != output)
            {
                throw new ArgumentException($"Layer {l} is ({input}, {output}): its weight needs {input * output} values (has {weights[l].Length}) and its bias {output} (has {biases[l].Length}).", nameof(weights));
            }
        }

        LayerSizes = [.. layerSizes];
        _weights = [.. weights.Select(w => (float[])w.Clone())];
        _biases = [.. biases.Select(b => (float[])b.Clone())];
        Activation = activation;
    }

    /// <summary>(in, out) per layer.</summary>
    public IReadOnlyList<(int In, int Out)> LayerSizes { get; }

    /// <summary>The activation between layers.</summary>
    public Activation Activation { get; }

    /// <summary>Input width.</summary>
    public int InputSize => LayerSizes[0].In;

    /// <summary>Output width.</summary>
    public int OutputSize => LayerSizes[^1].Out;

    /// <summary>Layer <paramref name="layer"/>'s weight, [out, in] row-major.</summary>
    public ReadOnlySpan<float> Weight(int layer) => _weights[layer];

    /// <summary>Layer <paramref name="layer"/>'s bias.</summary>
    public ReadOnlySpan<float> Bias(int layer) => _biases[layer];

    /// <summary>output[rows, OutputSize] from input[rows, InputSize]. Not thread-safe (it reuses scratch memory).</summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        if (input.Length % InputSize != 0)
        {
            throw new ArgumentException($"'input' has {input.Length} values, not a whole number of rows of {InputSize}.", nameof(input));
        }

        int rows = input.Length / InputSize;
        if (output.Length != rows * OutputSize)
        {
            throw new ArgumentException($"'output' has {output.Length} values; {rows} rows x {OutputSize} outputs need {rows * OutputSize}.", nameof(output));
        }

        int widest = LayerSizes.Max(s => s.Out) * rows;
        if (_scratchA.Length < widest)
        {
            _scratchA = new float[widest];
            _scratchB = new float[widest];
        }

        ReadOnlySpan<float> x = input;
        for (int l = 0; l < LayerSizes.Count; l++)
        {
            (int inSize, int outSize) = LayerSizes[l];
            bool last = l == LayerSizes.Count - 1;
            Span<float> y = last ? output : (l % 2 == 0 ? _scratchA : _scratchB).AsSpan(0, rows * outSize);
            Gemm.Multiply(false, true, rows, outSize, inSize, 1f, x, inSize, _weights[l], inSize, 0f, y, outSize, _biases[l], Activation.Identity);
            if (!last)
            {
                ActivationFunctions.Forward(Activation, y, y);
            }

            x = y;
        }
    }
}
