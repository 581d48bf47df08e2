using Hypernetworks.Layers;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model;

/// <summary>
/// A plain MLP holding the weights a hypernetwork generated for one condition: it runs without the hypernetwork.
/// Layer l computes x·W_lᵀ + b_l with W_l stored [out, in]; the activation follows every layer but the last.
/// </summary>
public sealed class TargetNetwork
{
    /// <summary>The format version <see cref="Save"/> writes and <see cref="Load"/> reads.</summary>
    public const int FormatVersion = 1;

    private const uint Magic = 0x54475448; // "HTGT" read as a little-endian uint32
    private const int MaxLayers = 1 << 12;
    private const long MaxLayerWeights = 1L << 28;

    private readonly float[][] _weights;
    private readonly float[][] _biases;
    private readonly int _widestLayer;
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
        _widestLayer = LayerSizes.Max(s => s.Out);
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

    /// <summary>Writes the network (magic "HTGT", format version, activation, layer sizes, weights and biases; little-endian).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write((int)Activation);
        writer.Write(LayerSizes.Count);
        for (int l = 0; l < LayerSizes.Count; l++)
        {
            writer.Write(LayerSizes[l].In);
            writer.Write(LayerSizes[l].Out);
            foreach (float v in _weights[l])
            {
                writer.Write(v);
            }

            foreach (float v in _biases[l])
            {
                writer.Write(v);
            }
        }
    }

    /// <summary>Reads a network written by <see cref="Save"/>; bad data gives a <see cref="Persistence.HypernetworkFormatException"/>.</summary>
    public static TargetNetwork Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            if (reader.ReadUInt32() != Magic)
            {
                throw new Persistence.HypernetworkFormatException("The data is not a target network: it does not start with 'HTGT'.");
            }

            int version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw new Persistence.HypernetworkFormatException($"The target network has format version {version}; this library reads version {FormatVersion}.");
            }

            var activation = (Activation)reader.ReadInt32();
            int count = reader.ReadInt32();
            if (!Enum.IsDefined(activation) || count is <= 0 or > MaxLayers)
            {
                throw new Persistence.HypernetworkFormatException($"The target network declares activation {(int)activation} and {count} layers; expected a known activation and 1 to {MaxLayers} layers.");
            }

            var sizes = new (int In, int Out)[count];
            var weights = new float[count][];
            var biases = new float[count][];
            for (int l = 0; l < count; l++)
            {
                int input = reader.ReadInt32();
                int output = reader.ReadInt32();
                if (input <= 0 || output <= 0 || (long)input * output > MaxLayerWeights)
                {
                    throw new Persistence.HypernetworkFormatException($"Target layer {l} declares size ({input}, {output}); expected positive sizes with at most {MaxLayerWeights} weights.");
                }

                sizes[l] = (input, output);
                weights[l] = ReadFloats(reader, input * output);
                biases[l] = ReadFloats(reader, output);
            }

            return new TargetNetwork(sizes, weights, biases, activation);
        }
        catch (EndOfStreamException e)
        {
            throw new Persistence.HypernetworkFormatException("The target network is truncated: it ends before all of its declared content.", e);
        }
        catch (ArgumentException e)
        {
            throw new Persistence.HypernetworkFormatException($"The target network is inconsistent: {e.Message}", e);
        }
    }

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

        int widest = _widestLayer * rows;
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
            if (rows == 1)
            {
                MultiplyRow(x, _weights[l], _biases[l], y);
            }
            else
            {
                Gemm.Multiply(false, true, rows, outSize, inSize, 1f, x, inSize, _weights[l], inSize, 0f, y, outSize, _biases[l], Activation.Identity);
            }

            if (!last)
            {
                ActivationFunctions.Forward(Activation, y, y);
            }

            x = y;
        }
    }

    /// <summary>One row through one layer, y = W·x + b, as dot products: a single prediction is too small for GEMM's dispatch to pay.</summary>
    private static void MultiplyRow(ReadOnlySpan<float> x, float[] weight, float[] bias, Span<float> y)
    {
        int inputs = x.Length;
        for (int o = 0; o < y.Length; o++)
        {
            y[o] = System.Numerics.Tensors.TensorPrimitives.Dot(weight.AsSpan(o * inputs, inputs), x) + bias[o];
        }
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = reader.ReadSingle();
        }

        return values;
    }
}
