using Hypernetworks.Tensors;

namespace Hypernetworks.Layers;

/// <summary>
/// An activation as a layer: <see cref="Forward"/> keeps what the derivative needs (the output, and the input
/// for GELU and SiLU) in buffers preallocated for <see cref="Capacity"/> elements, and <see cref="Backward"/>
/// uses them. Holds native memory: dispose it.
/// </summary>
public sealed class ActivationLayer : IDisposable
{
    private readonly AlignedBuffer? _input;
    private readonly AlignedBuffer _output;
    private int _count = -1;

    /// <summary>Creates the layer.</summary>
    /// <param name="activation">The function applied elementwise.</param>
    /// <param name="capacity">The most elements one call handles (batch × features).</param>
    public ActivationLayer(Activation activation, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _input = ActivationFunctions.DerivativeNeedsInput(activation) ? new AlignedBuffer(capacity) : null;
        Activation = activation;
        Capacity = capacity;
        _output = new AlignedBuffer(capacity);
    }

    /// <summary>The function applied elementwise.</summary>
    public Activation Activation { get; }

    /// <summary>The most elements one call handles.</summary>
    public int Capacity { get; }

    /// <summary>output = f(input); <paramref name="output"/> may be the same memory as <paramref name="input"/>.</summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        if (input.Length > Capacity)
        {
            throw new ArgumentException($"'input' has {input.Length} elements; this layer was created for at most {Capacity}.", nameof(input));
        }

        if (output.Length != input.Length)
        {
            throw new ArgumentException($"'output' has {output.Length} elements; expected {input.Length} to match 'input'.", nameof(output));
        }

        if (_input is not null)
        {
            input.CopyTo(_input.Span);
        }

        ActivationFunctions.Forward(Activation, input, output);
        output.CopyTo(_output.Span);
        _count = input.Length;
    }

    /// <summary>gradInput = gradOutput · f'(input) for the last <see cref="Forward"/> call; the two may alias.</summary>
    public void Backward(ReadOnlySpan<float> gradOutput, Span<float> gradInput)
    {
        if (_count < 0)
        {
            throw new InvalidOperationException("Backward needs a Forward call first.");
        }

        if (gradOutput.Length != _count)
        {
            throw new ArgumentException($"'gradOutput' has {gradOutput.Length} elements; the last Forward had {_count}.", nameof(gradOutput));
        }

        if (gradInput.Length != _count)
        {
            throw new ArgumentException($"'gradInput' has {gradInput.Length} elements; the last Forward had {_count}.", nameof(gradInput));
        }

        ReadOnlySpan<float> output = _output.Span[.._count];
        ReadOnlySpan<float> input = _input is null ? output : _input.Span[.._count];
        ActivationFunctions.Backward(Activation, input, output, gradOutput, gradInput);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _input?.Dispose();
        _output.Dispose();
    }
}
