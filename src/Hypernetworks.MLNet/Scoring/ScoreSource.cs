namespace Hypernetworks.MLNet.Scoring;

/// <summary>
/// The scored outputs of the current row, shared by the output columns' getters: raw outputs for regression and
/// binary classification (the logit), class probabilities for multiclass classification.
/// </summary>
internal abstract class ScoreSource
{
    /// <summary>The current row's outputs, scoring it first if needed.</summary>
    public abstract ReadOnlySpan<float> Current();
}
