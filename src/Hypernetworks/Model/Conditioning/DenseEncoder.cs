using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Conditioning;

/// <summary>
/// A numeric conditioning vector used as z unchanged (except that values below 1e-30 become 0, so no denormal
/// enters the generator); the generator's first layer does the learning.
/// </summary>
public sealed class DenseEncoder : ConditioningEncoder
{
    /// <summary>Creates the encoder for rows of <paramref name="size"/> values.</summary>
    public DenseEncoder(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        InputSize = size;
    }

    /// <inheritdoc />
    public override int InputSize { get; }

    /// <inheritdoc />
    public override int OutputSize => InputSize;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [];

    /// <inheritdoc />
    public override void Forward(ReadOnlySpan<float> conditioning, int rows, Span<float> encoded)
        => FlushToZero.Copy(conditioning[..(rows * InputSize)], encoded);

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> gradEncoded, int rows)
    {
    }
}
