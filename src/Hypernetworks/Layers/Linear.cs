using System.Numerics.Tensors;
using Hypernetworks.Tensors;

namespace Hypernetworks.Layers;

/// <summary>
/// A fully connected layer y = x·Wᵀ + b, with W stored [out, in] as PyTorch stores it. Backward accumulates
/// into the parameters' gradients, so that shared layers can be called several times per step. A call with at most
/// 8 rows and at least 1024 outputs (a hypernetwork's generator head: a few conditions, thousands of generated
/// values) makes one pass over W on up to <see cref="Engine.MaxThreads"/> threads instead of a general GEMM: the
/// layer is then bound by reading W, and each row of W serves every input row while it is in L1.
/// </summary>
public sealed class Linear : IDisposable
{
    private const int SkinnyMinimumOutputs = 1024;

    private readonly SkinnyHeadPass? _skinny;

    /// <summary>Creates a layer with zero weights; initialise them with the initialisers in Hypernetworks.Initialization.</summary>
    /// <param name="inputSize">Input features.</param>
    /// <param name="outputSize">Output features.</param>
    /// <param name="name">Prefix of the parameters' names.</param>
    public Linear(int inputSize, int outputSize, string name = "linear")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        InputSize = inputSize;
        OutputSize = outputSize;
        Weight = new Parameter(name + ".weight", outputSize, inputSize);
        Bias = new Parameter(name + ".bias", outputSize);
        _skinny = outputSize >= SkinnyMinimumOutputs ? new SkinnyHeadPass(inputSize, outputSize) : null;
    }

    /// <summary>Input features.</summary>
    public int InputSize { get; }

    /// <summary>Output features.</summary>
    public int OutputSize { get; }

    /// <summary>W, shape [out, in].</summary>
    public Parameter Weight { get; }

    /// <summary>b, shape [out].</summary>
    public Parameter Bias { get; }

    /// <summary>output[batch, out] = f(input[batch, in]·Wᵀ + b), f fused into the multiply's epilogue.</summary>
    public void Forward(ReadOnlySpan<float> input, int batch, Span<float> output, Activation activation = Activation.Identity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        CheckShape(input.Length, batch, InputSize, nameof(input));
        CheckShape(output.Length, batch, OutputSize, nameof(output));
        Forward(input, InputSize, batch, output, OutputSize, activation);
    }

    /// <summary>
    /// Accumulates dW += dYᵀ·x and db += Σ dY, and writes gradInput = dY·W unless it is empty (for a first
    /// layer whose input needs no gradient).
    /// </summary>
    public void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> gradOutput, int batch, Span<float> gradInput)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        CheckShape(input.Length, batch, InputSize, nameof(input));
        CheckShape(gradOutput.Length, batch, OutputSize, nameof(gradOutput));
        if (!gradInput.IsEmpty)
        {
            CheckShape(gradInput.Length, batch, InputSize, nameof(gradInput));
        }

        Backward(input, InputSize, gradOutput, OutputSize, batch, gradInput, InputSize, accumulateInput: false);
    }

    /// <summary>
    /// y[rows, out] (row stride <paramref name="ldy"/>) = f(x[rows, in] (row stride <paramref name="ldx"/>)·Wᵀ + b);
    /// the head kernels take it when f is the identity, else f is fused into a GEMM's epilogue.
    /// </summary>
    internal void Forward(ReadOnlySpan<float> x, int ldx, int rows, Span<float> y, int ldy, Activation activation = Activation.Identity)
    {
        if (activation != Activation.Identity || !IsSkinny(rows))
        {
            Gemm.Multiply(false, true, rows, OutputSize, InputSize, 1f, x, ldx, Weight.Value.Span, InputSize, 0f, y, ldy, Bias.Value.Span, activation);
            return;
        }

        CheckStrides(x.Length, ldx, y.Length, ldy, rows);
        _skinny!.Forward(Weight, Bias, x, ldx, rows, y, ldy);
    }

    /// <summary>
    /// Strided backward: dW += dyᵀ·x, db += Σ dy; dx = dy·W (added to dx when <paramref name="accumulateInput"/>),
    /// skipped when dx is empty.
    /// </summary>
    internal void Backward(ReadOnlySpan<float> x, int ldx, ReadOnlySpan<float> dy, int lddy, int rows, Span<float> dx, int lddx, bool accumulateInput)
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

    /// <summary>The layer's parameters: weight, then bias.</summary>
    public IEnumerable<Parameter> Parameters()
    {
        yield return Weight;
        yield return Bias;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Weight.Dispose();
        Bias.Dispose();
        _skinny?.Dispose();
    }

    private bool IsSkinny(int rows) => _skinny is not null && rows <= SkinnyHeadPass.MostRows;

    /// <summary>The head kernels read through pointers: check here that every row they touch lies inside its span.</summary>
    private void CheckStrides(int xLength, int ldx, int yLength, int ldy, int rows)
    {
        if (ldx < InputSize || xLength < ((rows - 1) * ldx) + InputSize || ldy < OutputSize || yLength < ((rows - 1) * ldy) + OutputSize)
        {
            throw new ArgumentException($"Linear layer {InputSize}->{OutputSize}: input ({xLength} values, stride {ldx}) or output ({yLength} values, stride {ldy}) cannot hold {rows} rows.");
        }
    }

    private static void CheckShape(int length, int batch, int features, string name)
    {
        if (length != (long)batch * features)
        {
            throw new ArgumentException($"'{name}' has {length} elements; expected [{batch}, {features}] = {(long)batch * features}.", name);
        }
    }
}
