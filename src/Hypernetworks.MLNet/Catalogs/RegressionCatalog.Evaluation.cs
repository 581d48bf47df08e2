namespace Hypernetworks.MLNet;

public sealed partial class RegressionCatalog
{
    /// <summary>Regression metrics of scored data.</summary>
    /// <param name="data">Scored data.</param>
    /// <param name="labelColumnName">The true values (Single, finite).</param>
    /// <param name="scoreColumnName">The predicted values (Single).</param>
    public RegressionMetrics Evaluate(IDataView data, string labelColumnName = DefaultColumnNames.Label, string scoreColumnName = DefaultColumnNames.Score)
    {
        float[] labels = EvaluationColumns.ReadSingles(data, labelColumnName, "label", finite: true);
        float[] scores = EvaluationColumns.ReadSingles(data, scoreColumnName, "score", finite: true);
        return RegressionMetrics.Compute(labels, scores);
    }

    /// <summary>Cross-validates <paramref name="estimator"/>: fits it on all folds but one and evaluates on that one, for each fold.</summary>
    /// <param name="data">The data.</param>
    /// <param name="estimator">The pipeline, ending in a regression trainer.</param>
    /// <param name="numberOfFolds">The number of folds.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="samplingKeyColumnName">A column whose equal values stay in one fold, or null.</param>
    /// <param name="seed">The seed of the fold assignment; the context's when null.</param>
    public IReadOnlyList<CrossValidationResult<RegressionMetrics>> CrossValidate(IDataView data, IEstimator<ITransformer> estimator, int numberOfFolds = 5,
        string labelColumnName = DefaultColumnNames.Label, string? samplingKeyColumnName = null, int? seed = null) =>
        CrossValidator.Run(Context, data, estimator, numberOfFolds, samplingKeyColumnName, seed, scored => Evaluate(scored, labelColumnName));
}
