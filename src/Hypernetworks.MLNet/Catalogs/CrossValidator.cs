namespace Hypernetworks.MLNet;

/// <summary>Fits an estimator on all folds but one and evaluates it on that one, for every fold.</summary>
internal static class CrossValidator
{
    public static IReadOnlyList<CrossValidationResult<TMetrics>> Run<TMetrics>(MLContext context, IDataView data, IEstimator<ITransformer> estimator,
        int numberOfFolds, string? samplingKeyColumnName, int? seed, Func<IDataView, TMetrics> evaluate)
        where TMetrics : class
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(estimator);
        IReadOnlyList<DataOperationsCatalog.TrainTestData> folds = context.Data.CrossValidationSplit(data, numberOfFolds, samplingKeyColumnName, seed);
        var results = new CrossValidationResult<TMetrics>[folds.Count];
        for (int i = 0; i < folds.Count; i++)
        {
            ITransformer model = estimator.Fit(folds[i].TrainSet);
            IDataView scored = model.Transform(folds[i].TestSet);
            results[i] = new CrossValidationResult<TMetrics>(model, evaluate(scored), scored, i);
        }

        return results;
    }
}
