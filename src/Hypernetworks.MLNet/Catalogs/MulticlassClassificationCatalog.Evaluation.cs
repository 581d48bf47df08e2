namespace Hypernetworks.MLNet;

public sealed partial class MulticlassClassificationCatalog
{
    /// <summary>Multiclass metrics of scored data.</summary>
    /// <param name="data">Scored data.</param>
    /// <param name="labelColumnName">The true classes (a UInt32 key with one key per class).</param>
    /// <param name="scoreColumnName">The class probabilities (a Single vector with one item per class).</param>
    /// <param name="predictedLabelColumnName">Accepted for ML.NET's signature; predictions are recomputed from the scores.</param>
    /// <param name="topKPredictionCount">The K of the top-K accuracy (0 or 1 for plain accuracy).</param>
    public MulticlassClassificationMetrics Evaluate(IDataView data, string labelColumnName = DefaultColumnNames.Label, string scoreColumnName = DefaultColumnNames.Score,
        string predictedLabelColumnName = DefaultColumnNames.PredictedLabel, int topKPredictionCount = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(predictedLabelColumnName);
        ArgumentOutOfRangeException.ThrowIfNegative(topKPredictionCount);
        int[] labels = EvaluationColumns.ReadClasses(data, labelColumnName, "label", out int classCount);
        float[] scores = EvaluationColumns.ReadVectors(data, scoreColumnName, "score", classCount);
        return MulticlassClassificationMetrics.Compute(labels, scores, classCount, Math.Max(1, topKPredictionCount));
    }

    /// <summary>Cross-validates <paramref name="estimator"/> with <see cref="Evaluate"/> on each held-out fold.</summary>
    /// <param name="data">The data.</param>
    /// <param name="estimator">The pipeline, ending in a multiclass trainer.</param>
    /// <param name="numberOfFolds">The number of folds.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="samplingKeyColumnName">A column whose equal values stay in one fold, or null.</param>
    /// <param name="seed">The seed of the fold assignment; the context's when null.</param>
    public IReadOnlyList<CrossValidationResult<MulticlassClassificationMetrics>> CrossValidate(IDataView data, IEstimator<ITransformer> estimator, int numberOfFolds = 5,
        string labelColumnName = DefaultColumnNames.Label, string? samplingKeyColumnName = null, int? seed = null) =>
        CrossValidator.Run(Context, data, estimator, numberOfFolds, samplingKeyColumnName, seed, scored => Evaluate(scored, labelColumnName));
}
