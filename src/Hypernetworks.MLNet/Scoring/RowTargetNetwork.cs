using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Hypernetworks.Layers;
using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Scoring;

/// <summary>
/// A materialised target network laid out for one row at a time. A layer with many outputs keeps its weights
/// transposed to [in, out], so it is its bias plus one scaled-row addition per input (a few wide vector operations)
/// instead of one short dot product per output; a layer with fewer outputs than inputs (the output layer, typically)
/// keeps [out, in] and takes one long dot product per output. It keeps its own scratch rows: one instance serves one
/// scorer.
/// </summary>
internal sealed class RowTargetNetwork
{
    private readonly float[][] _weights;
    private readonly bool[] _byInput;
    private readonly float[][] _biases;
    private readonly float[][] _rows;
    private readonly Activation _activation;

    public RowTargetNetwork(TargetNetwork network)
    {
        int layers = network.LayerSizes.Count;
        _weights = new float[layers][];
        _byInput = new bool[layers];
        _biases = new float[layers][];
        _rows = new float[layers][];
        _activation = network.Activation;
        for (int l = 0; l < layers; l++)
        {
            (int inputs, int outputs) = network.LayerSizes[l];
            ReadOnlySpan<float> weight = network.Weight(l);
            _byInput[l] = outputs >= inputs;
            _weights[l] = _byInput[l] ? Transpose(weight, outputs, inputs) : weight.ToArray();
            _biases[l] = network.Bias(l).ToArray();
            _rows[l] = new float[outputs];
        }
    }

    /// <summary>The network's outputs for one input row.</summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        ReadOnlySpan<float> x = input;
        int last = _weights.Length - 1;
        for (int l = 0; l <= last; l++)
        {
            Span<float> y = l == last ? output : _rows[l];
            int outputs = y.Length;
            float[] weights = _weights[l];
            if (_byInput[l])
            {
                MultiplyByInput(weights, _biases[l], x, y);
            }
            else
            {
                for (int o = 0; o < outputs; o++)
                {
                    y[o] = TensorPrimitives.Dot(weights.AsSpan(o * x.Length, x.Length), x) + _biases[l][o];
                }
            }

            if (l < last)
            {
                ActivationFunctions.Forward(_activation, y, y);
            }

            x = y;
        }
    }

    /// <summary>
    /// y = b + Σᵢ xᵢ · Wᵀ[i, :], one block of outputs at a time so that the block's sums stay in a register across all
    /// inputs (Vector512, then Vector256, then scalar for the tail).
    /// </summary>
    private static void MultiplyByInput(float[] transposed, float[] bias, ReadOnlySpan<float> x, Span<float> y)
    {
        int outputs = y.Length;
        int o = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; o + Vector512<float>.Count <= outputs; o += Vector512<float>.Count)
            {
                Vector512<float> sum = Vector512.Create(bias.AsSpan(o, Vector512<float>.Count));
                for (int i = 0; i < x.Length; i++)
                {
                    sum = Vector512.FusedMultiplyAdd(Vector512.Create(transposed.AsSpan((i * outputs) + o, Vector512<float>.Count)), Vector512.Create(x[i]), sum);
                }

                sum.CopyTo(y[o..]);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; o + Vector256<float>.Count <= outputs; o += Vector256<float>.Count)
            {
                Vector256<float> sum = Vector256.Create(bias.AsSpan(o, Vector256<float>.Count));
                for (int i = 0; i < x.Length; i++)
                {
                    sum = Vector256.FusedMultiplyAdd(Vector256.Create(transposed.AsSpan((i * outputs) + o, Vector256<float>.Count)), Vector256.Create(x[i]), sum);
                }

                sum.CopyTo(y[o..]);
            }
        }

        for (; o < outputs; o++)
        {
            float sum = bias[o];
            for (int i = 0; i < x.Length; i++)
            {
                sum = MathF.FusedMultiplyAdd(transposed[(i * outputs) + o], x[i], sum);
            }

            y[o] = sum;
        }
    }

    private static float[] Transpose(ReadOnlySpan<float> weight, int rows, int columns)
    {
        var transposed = new float[rows * columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                transposed[(c * rows) + r] = weight[(r * columns) + c];
            }
        }

        return transposed;
    }
}
