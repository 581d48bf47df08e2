namespace Hypernetworks.MLNet;

/// <summary>The outcome of one fold of a cross-validation.</summary>
/// <typeparam name="TMetrics">The metrics type of the task.</typeparam>
public sealed class CrossValidationResult<TMetrics>
    where TMetrics : class
{
    internal CrossValidationResult(ITransformer model, TMetrics metrics, IDataView scoredHoldOutSet, int fold)
    {
        Model = model;
        Metrics = metrics;
        ScoredHoldOutSet = scoredHoldOutSet;
        Fold = fold;
    }

    /// <summary>The model fitted on the other folds.</summary>
    public ITransformer Model { get; }

    /// <summary>The metrics on this fold.</summary>
    public TMetrics Metrics { get; }

    /// <summary>This fold's rows scored by <see cref="Model"/> (lazy).</summary>
    public IDataView ScoredHoldOutSet { get; }

    /// <summary>The fold index, from 0.</summary>
    public int Fold { get; }
}
