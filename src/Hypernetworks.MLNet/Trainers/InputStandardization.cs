namespace Hypernetworks.MLNet.Trainers;

/// <summary>
/// The standardisation a fitted hypernetwork applies to its inputs before the model sees them: of the feature
/// column and of a Single conditioning column (a key conditioning is never standardised). Either part may be absent.
/// </summary>
/// <param name="Conditioning">The conditioning's standardisation, or null.</param>
/// <param name="Features">The features' standardisation, or null.</param>
internal sealed record InputStandardization(ColumnStandardization? Conditioning, ColumnStandardization? Features)
{
    /// <summary>No standardisation.</summary>
    public static InputStandardization None { get; } = new(null, null);

    /// <summary>Standardises whole rows of conditioning and features in place.</summary>
    public void Apply(Span<float> conditioning, Span<float> features)
    {
        Conditioning?.Apply(conditioning);
        Features?.Apply(features);
    }
}
