using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Conditioning;

/// <summary>
/// The support-set mean that several papers condition on: z is the mean of every support example, [ExampleSize].
/// It cannot tell which class carries which label, so a classifier conditioned on it sits at chance (1 / Ways);
/// it is kept as a documented baseline to measure against.
/// </summary>
public sealed class SupportMeanEncoder : SetEncoder
{
    private SupportSets? _pooledFrom;
    private SupportSets? _wholeSets;

    /// <summary>Creates the encoder for <paramref name="ways"/> classes of <paramref name="shots"/> examples of <paramref name="exampleSize"/> values.</summary>
    public SupportMeanEncoder(int ways, int shots, int exampleSize)
        : base(ways, shots, exampleSize)
    {
    }

    /// <inheritdoc />
    public override int OutputSize => ExampleSize;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [];

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> conditioning, ReadOnlySpan<float> gradEncoded, int rows)
    {
    }

    private protected override void EncodeSets(ReadOnlySpan<float> examples, SupportSets sets, Span<float> encoded)
    {
        // One slot per set: every example of a set, whatever its label (kept while the sets repeat, so a warm step allocates nothing).
        if (!ReferenceEquals(_pooledFrom, sets))
        {
            _wholeSets = WholeSets(sets);
            _pooledFrom = sets;
        }

        SlotMeans.Compute(examples, ExampleSize, _wholeSets!, encoded);
    }

    // Its own method: a lambda capturing a parameter makes its closure on entry to the method that declares it.
    private static SupportSets WholeSets(SupportSets sets) => new(1, sets.Count, sets.Examples, i => sets.SlotOf(i) / sets.Ways);
}
