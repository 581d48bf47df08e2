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

    /// <summary>
    /// Below this many rows and above <see cref="SkinnyMinimumOutputs"/> outputs (a generator head: a few conditions,
    /// tens of thousands of generated values), one pass over W per call beats a general GEMM: the layer is bound by
    /// reading W, and each row of W is used for every input row while it is in L1.
    /// </summary>
    private const int SkinnyMaximumRows = 8;
    private const int SkinnyMinimumOutputs = 1024;

    private bool IsSkinny(int rows) => rows <= SkinnyMaximumRows && OutputSize >= SkinnyMinimumOutputs;

    /// <summary>y[rows, out] (row stride <paramref name="ldy"/>) = x[rows, in]·Wᵀ + b.</summary>
    public void Forward(ReadOnlySpan<float> x, int ldx, int rows, Span<float> y, int ldy)
    {
        if (!IsSkinny(rows))
        {
            Gemm.Multiply(false, true, rows, OutputSize, InputSize, 1f, x, ldx, Weight.Value.Span, InputSize, 0f, y, ldy, Bias.Value.Span, Layers.Activation.Identity);
            return;
        }

        ReadOnlySpan<float> weight = Weight.Value.Span;
        ReadOnlySpan<float> bias = Bias.Value.Span;
        int n = InputSize;
        if (rows == SkinnyKernels.Rows && SkinnyKernels.Supported(n))
        {
            CheckStrides(x.Length, ldx, y.Length, ldy, rows);
            SkinnyKernels.Forward(weight, bias, n, OutputSize, x, ldx, y, ldy);
            return;
        }

        for (int j = 0; j < OutputSize; j++)
        {
            ReadOnlySpan<float> w = weight.Slice(j * n, n);
            for (int g = 0; g < rows; g++)
            {
                y[(g * ldy) + j] = TensorPrimitives.Dot(w, x.Slice(g * ldx, n)) + bias[j];
            }
        }
    }

    /// <summary>
    /// dW += dyᵀ·x, db += Σ dy; dx = dy·W (added to dx when <paramref name="accumulateInput"/>), skipped when dx is empty.
    /// </summary>
    public void Backward(ReadOnlySpan<float> x, int ldx, ReadOnlySpan<float> dy, int lddy, int rows, Span<float> dx, int lddx, bool accumulateInput)
    {
        if (IsSkinny(rows))
        {
            SkinnyBackward(x, ldx, dy, lddy, rows, dx, lddx, accumulateInput);
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

    /// <summary>One pass over W and dW: row j of W feeds every dx row and row j of dW gathers every x row.</summary>
    private void SkinnyBackward(ReadOnlySpan<float> x, int ldx, ReadOnlySpan<float> dy, int lddy, int rows, Span<float> dx, int lddx, bool accumulateInput)
    {
        int n = InputSize;
        ReadOnlySpan<float> weight = Weight.Value.Span;
        Span<float> weightGradient = Weight.Gradient.Span;
        Span<float> biasGradient = Bias.Gradient.Span;
        bool withInput = !dx.IsEmpty;
        if (withInput && !accumulateInput)
        {
            for (int g = 0; g < rows; g++)
            {
                dx.Slice(g * lddx, n).Clear();
            }
        }

        if (rows == SkinnyKernels.Rows && SkinnyKernels.Supported(n))
        {
            CheckStrides(x.Length, ldx, dy.Length, lddy, rows);
            if (withInput && (lddx < n || dx.Length < ((rows - 1) * lddx) + n))
            {
                throw new ArgumentException($"'dx' holds {dx.Length} values with row stride {lddx}; {rows} rows of {n} do not fit.", nameof(dx));
            }

            SkinnyKernels.Backward(weight, weightGradient, biasGradient, n, OutputSize, x, ldx, dy, lddy, dx, lddx);
            return;
        }

        for (int j = 0; j < OutputSize; j++)
        {
            ReadOnlySpan<float> w = weight.Slice(j * n, n);
            Span<float> dw = weightGradient.Slice(j * n, n);
            float biasSum = 0f;
            for (int g = 0; g < rows; g++)
            {
                float c = dy[(g * lddy) + j];
                if (c == 0f)
                {
                    continue;
                }

                biasSum += c;
                TensorPrimitives.MultiplyAdd(x.Slice(g * ldx, n), c, dw, dw);
                if (withInput)
                {
                    Span<float> dxRow = dx.Slice(g * lddx, n);
                    TensorPrimitives.MultiplyAdd(w, c, dxRow, dxRow);
                }
            }

            biasGradient[j] += biasSum;
        }
    }

    /// <summary>The kernels read through refs: check here that every row they touch lies inside its span.</summary>
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
    }
}
