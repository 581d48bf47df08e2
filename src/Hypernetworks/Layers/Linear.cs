using System.Numerics.Tensors;
using Hypernetworks.Tensors;

namespace Hypernetworks.Layers;

/// <summary>
/// A fully connected layer y = x·Wᵀ + b, with W stored [out, in] as PyTorch stores it. Backward accumulates
/// into the parameters' gradients, so that shared layers can be called several times per step.
/// </summary>
public sealed class Linear : IDisposable
{
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
        Gemm.Multiply(false, true, batch, OutputSize, InputSize, 1f, input, InputSize, Weight.Value.Span, InputSize, 0f, output, OutputSize, Bias.Value.Span, activation);
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

        Gemm.Multiply(true, false, OutputSize, InputSize, batch, 1f, gradOutput, OutputSize, input, InputSize, 1f, Weight.Gradient.Span, InputSize);
        Span<float> biasGrad = Bias.Gradient.Span;
        for (int row = 0; row < batch; row++)
        {
            TensorPrimitives.Add(biasGrad, gradOutput.Slice(row * OutputSize, OutputSize), biasGrad);
        }

        if (!gradInput.IsEmpty)
        {
            Gemm.Multiply(false, false, batch, InputSize, OutputSize, 1f, gradOutput, OutputSize, Weight.Value.Span, InputSize, 0f, gradInput, InputSize);
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
    }

    private static void CheckShape(int length, int batch, int features, string name)
    {
        if (length != (long)batch * features)
        {
            throw new ArgumentException($"'{name}' has {length} elements; expected [{batch}, {features}] = {(long)batch * features}.", name);
        }
    }
}
