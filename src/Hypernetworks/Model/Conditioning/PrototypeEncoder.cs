using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Conditioning;

/// <summary>
/// The few-shot baseline: z is the class prototypes (each class's mean example) in label order, [Ways × ExampleSize].
/// It has no parameters; the generator learns from the prototypes directly.
/// </summary>
public sealed class PrototypeEncoder : SetEncoder
{
    /// <summary>Creates the encoder for <paramref name="ways"/> classes of <paramref name="shots"/> examples of <paramref name="exampleSize"/> values.</summary>
    public PrototypeEncoder(int ways, int shots, int exampleSize)
        : base(ways, shots, exampleSize)
    {
    }

    /// <inheritdoc />
    public override int OutputSize => Ways * ExampleSize;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [];

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> gradEncoded, int rows)
    {
    }

    private protected override void EncodeSets(ReadOnlySpan<float> examples, SupportSets sets, Span<float> encoded)
        => SlotMeans.Compute(examples, ExampleSize, sets, encoded);
}
