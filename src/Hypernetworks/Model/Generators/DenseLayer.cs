using System.Numerics.Tensors;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Generators;

/// <summary>
/// y = x·Wᵀ + b with W stored [out, in], over strided rows so that heads can write straight into a slice of the
/// generated-parameter matrix. Backward accumulates into the parameters' gradients.
/// </summary>
internal sealed class DenseLayer : IDisposable
{
    public DenseLayer(int inputSize, int outputSize, string name)
    {
        InputSize = inputSize;
        OutputSize = outputSize;
        Weight = new Parameter(name + ".weight", outputSize, inputSize);
        Bias = new Parameter(name + ".bias", outputSize);
    }

    public int InputSize { get; }

    public int OutputSize { get; }

    public Parameter Weight { get; }

    public Parameter Bias { get; }

    /// <summary>y[rows, out] (row stride <paramref name="ldy"/>) = x[rows, in]·Wᵀ + b.</summary>
    public void Forward(ReadOnlySpan<float> x, int ldx, int rows, Span<float> y, int ldy)
        => Gemm.Multiply(false, true, rows, OutputSize, InputSize, 1f, x, ldx, Weight.Value.Span, InputSize, 0f, y, ldy, Bias.Value.Span, Layers.Activation.Identity);

    /// <summary>
    /// dW += dyᵀ·x, db += Σ dy; dx = dy·W (added to dx when <paramref name="accumulateInput"/>), skipped when dx is empty.
    /// </summary>
    public void Backward(ReadOnlySpan<float> x, int ldx, ReadOnlySpan<float> dy, int lddy, int rows, Span<float> dx, int lddx, bool accumulateInput)
    {
        Gemm.Multiply(true, false, OutputSize, InputSize, rows, 1f, dy, lddy, x, ldx, 1f, Weight.Gradient.Span, InputSize);
        Span<float> biasGradient = Bias.Gradient.Span;
        for (int row = 0; row < rows; row++)
        {
            TensorPrimitives.Add(biasGradient, dy.Slice(row * lddy, OutputSize), biasGradient);
        }

        if (!dx.IsEmpty)
        {
            Gemm.Multiply(false, false, rows, InputSize, OutputSize, 1f, dy, lddy, Weight.Value.Span, InputSize, accumulateInput ? 1f : 0f, dx, lddx);
        }
    }

    public void Dispose()
    {
        Weight.Dispose();
        Bias.Dispose();
    }
}
