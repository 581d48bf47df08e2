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
        _skinny = outputSize >= SkinnyMinimumOutputs ? new SkinnyHeadPass(inputSize, outputSize) : null;
    }

    public int InputSize { get; }

    public int OutputSize { get; }

    public Parameter Weight { get; }

    public Parameter Bias { get; }

    /// <summary>
    /// From this many outputs, with at most <see cref="SkinnyHeadPass.MostRows"/> rows (a generator head: a few
    /// conditions, thousands of generated values), one pass over W per call beats a general GEMM: the layer is bound
    /// by reading W, and each row of W is used for every input row while it is in L1.
    /// </summary>
    private const int SkinnyMinimumOutputs = 1024;

    private readonly SkinnyHeadPass? _skinny;

    private bool IsSkinny(int rows) => _skinny is not null && rows <= SkinnyHeadPass.MostRows;

    /// <summary>y[rows, out] (row stride <paramref name="ldy"/>) = x[rows, in]·Wᵀ + b.</summary>
    public void Forward(ReadOnlySpan<float> x, int ldx, int rows, Span<float> y, int ldy)
    {
        if (!IsSkinny(rows))
        {
            Gemm.Multiply(false, true, rows, OutputSize, InputSize, 1f, x, ldx, Weight.Value.Span, InputSize, 0f, y, ldy, Bias.Value.Span, Layers.Activation.Identity);
            return;
        }

        CheckStrides(x.Length, ldx, y.Length, ldy, rows);
        _skinny!.Forward(Weight, Bias, x, ldx, rows, y, ldy);
    }

    /// <summary>
    /// dW += dyᵀ·x, db += Σ dy; dx = dy·W (added to dx when <paramref name="accumulateInput"/>), skipped when dx is empty.
    /// </summary>
    public void Backward(ReadOnlySpan<float> x, int ldx, ReadOnlySpan<float> dy, int lddy, int rows, Span<float> dx, int lddx, bool accumulateInput)
    {
        if (IsSkinny(rows))
        {
            CheckStrides(x.Length, ldx, dy.Length, lddy, rows);
            if (!dx.IsEmpty && (lddx < InputSize || dx.Length < ((rows - 1) * lddx) + InputSize))
            {
                throw new ArgumentException($"'dx' holds {dx.Length} values with row stride {lddx}; {rows} rows of {InputSize} do not fit.", nameof(dx));
            }

            _skinny!.Backward(Weight, Bias, x, ldx, dy, lddy, rows, dx, lddx, accumulateInput);
            return;
        }

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

    /// <summary>The head kernels read through pointers: check here that every row they touch lies inside its span.</summary>
    private void CheckStrides(int xLength, int ldx, int yLength, int ldy, int rows)
    {
        if (ldx < InputSize || xLength < ((rows - 1) * ldx) + InputSize || ldy < OutputSize || yLength < ((rows - 1) * ldy) + OutputSize)
        {
            throw new ArgumentException($"Dense layer {InputSize}->{OutputSize}: input ({xLength} values, stride {ldx}) or output ({yLength} values, stride {ldy}) cannot hold {rows} rows.");
        }
    }

    public void Dispose()
    {
        Weight.Dispose();
        Bias.Dispose();
        _skinny?.Dispose();
    }
}
