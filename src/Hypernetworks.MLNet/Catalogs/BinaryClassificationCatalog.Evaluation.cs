namespace Hypernetworks.MLNet;

public sealed partial class BinaryClassificationCatalog
{
    /// <summary>Metrics of calibrated binary predictions (a row is positive when its probability is above 0.5).</summary>
    /// <param name="data">Scored data.</param>
    /// <param name="labelColumnName">The true labels (Boolean).</param>
    /// <param name="scoreColumnName">The raw scores (Single), which rank the rows for the areas under the curves.</param>
    /// <param name="probabilityColumnName">The probabilities of the positive class (Single).</param>
    /// <param name="predictedLabelColumnName">Accepted for ML.NET's signature; predictions are recomputed from the probabilities.</param>
    public CalibratedBinaryClassificationMetrics Evaluate(IDataView data, string labelColumnName = DefaultColumnNames.Label, string scoreColumnName = DefaultColumnNames.Score,
        string probabilityColumnName = DefaultColumnNames.Probability, string predictedLabelColumnName = DefaultColumnNames.PredictedLabel)
    {
        ArgumentException.ThrowIfNullOrEmpty(predictedLabelColumnName);
        bool[] labels = EvaluationColumns.ReadBooleans(data, labelColumnName, "label");
        float[] scores = EvaluationColumns.ReadSingles(data, scoreColumnName, "score", finite: false);
        float[] probabilities = EvaluationColumns.ReadSingles(data, probabilityColumnName, "probability", finite: false);
        return CalibratedBinaryClassificationMetrics.Compute(labels, scores, probabilities);
    }

    /// <summary>Metrics of uncalibrated binary predictions (a row is positive when its score is above 0).</summary>
    /// <param name="data">Scored data.</param>
    /// <param name="labelColumnName">The true labels (Boolean).</param>
    /// <param name="scoreColumnName">The raw scores (Single).</param>
    /// <param name="predictedLabelColumnName">Accepted for ML.NET's signature; predictions are recomputed from the scores.</param>
    public BinaryClassificationMetrics EvaluateNonCalibrated(IDataView data, string labelColumnName = DefaultColumnNames.Label, string scoreColumnName = DefaultColumnNames.Score,
        string predictedLabelColumnName = DefaultColumnNames.PredictedLabel)
    {
        ArgumentException.ThrowIfNullOrEmpty(predictedLabelColumnName);
        bool[] labels = EvaluationColumns.ReadBooleans(data, labelColumnName, "label");
        float[] scores = EvaluationColumns.ReadSingles(data, scoreColumnName, "score", finite: false);
        return BinaryClassificationMetrics.Compute(labels, scores);
    }

    /// <summary>Cross-validates <paramref name="estimator"/> with <see cref="Evaluate"/> on each held-out fold.</summary>
    /// <param name="data">The data.</param>
    /// <param name="estimator">The pipeline, ending in a calibrated binary trainer.</param>
    /// <param name="numberOfFolds">The number of folds.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="samplingKeyColumnName">A column whose equal values stay in one fold, or null.</param>
    /// <param name="seed">The seed of the fold assignment; the context's when null.</param>
    public IReadOnlyList<CrossValidationResult<CalibratedBinaryClassificationMetrics>> CrossValidate(IDataView data, IEstimator<ITransformer> estimator, int numberOfFolds = 5,
        string labelColumnName = DefaultColumnNames.Label, string? samplingKeyColumnName = null, int? seed = null) =>
        CrossValidator.Run(Context, data, estimator, numberOfFolds, samplingKeyColumnName, seed, scored => Evaluate(scored, labelColumnName));
}
