namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// The pipeline setters of an experiment made by <c>mlContext.Auto().CreateExperiment()</c> (as ML.NET's
/// AutoMLExperiment extensions): what to fit, on which rows, and which metric to optimise.
/// </summary>
public static class AutoMLExperimentExtensions
{
    /// <summary>Sets the pipeline whose sweepable estimators the sweep tunes.</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="pipeline">The pipeline.</param>
    public static AutoMLExperiment SetPipeline(this AutoMLExperiment experiment, SweepablePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        PipelineTrialRunner runner = Runner(experiment);
        if (pipeline.SearchSpace.Count == 0)
        {
            throw new ArgumentException("The pipeline has no sweepable estimator; append one made by mlContext.Auto().", nameof(pipeline));
        }

        runner.Pipeline = pipeline;
        return experiment.SetSearchSpace(pipeline.SearchSpace);
    }

    /// <summary>Sets the pipeline: an estimator chain holding sweepable estimators (<c>transforms.Append(sweepable)</c>).</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="pipeline">The estimator or chain.</param>
    public static AutoMLExperiment SetPipeline(this AutoMLExperiment experiment, IEstimator<ITransformer> pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return experiment.SetPipeline(SweepablePipeline.From(pipeline));
    }

    /// <summary>Trains every trial on <paramref name="train"/> and scores it on <paramref name="validation"/>.</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="train">The training rows.</param>
    /// <param name="validation">The validation rows (the same columns).</param>
    public static AutoMLExperiment SetDataset(this AutoMLExperiment experiment, IDataView train, IDataView validation)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        Runner(experiment).Dataset = TrialDataset.TrainValidation(train, validation);
        return experiment;
    }

    /// <summary>Trains and scores every trial on the two views of a train/test split.</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="trainValidationSplit">The split: its test set is the validation set.</param>
    public static AutoMLExperiment SetDataset(this AutoMLExperiment experiment, DataOperationsCatalog.TrainTestData trainValidationSplit)
    {
        ArgumentNullException.ThrowIfNull(trainValidationSplit);
        return experiment.SetDataset(trainValidationSplit.TrainSet, trainValidationSplit.TestSet);
    }

    /// <summary>
    /// Cross-validates every trial: rows are dealt into <paramref name="fold"/> folds by position, each fold is
    /// scored by a model trained on the others, and the trial's metric is the mean. The trial's model is the last
    /// fold's; per-epoch reports (for early stopping) come from the first fold.
    /// </summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="data">The rows.</param>
    /// <param name="fold">The number of folds, at least 2.</param>
    public static AutoMLExperiment SetDataset(this AutoMLExperiment experiment, IDataView data, int fold = 10)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(fold, 2);
        Runner(experiment).Dataset = TrialDataset.CrossValidation(data, fold);
        return experiment;
    }

    /// <summary>Optimises a regression metric (errors are minimised, R² maximised).</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="labelColumn">The label column (Single).</param>
    /// <param name="scoreColumn">The predicted value's column (Single).</param>
    public static AutoMLExperiment SetRegressionMetric(this AutoMLExperiment experiment, RegressionMetric metric, string labelColumn = "Label", string scoreColumn = "Score") =>
        SetMetric(experiment, TaskMetric.Regression(metric, Name(labelColumn, nameof(labelColumn)), Name(scoreColumn, nameof(scoreColumn))));

    /// <summary>Optimises a binary classification metric (maximised), computed from the raw score with threshold 0.</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="labelColumn">The label column (Boolean).</param>
    /// <param name="scoreColumn">The raw score's column (Single; positive means the positive class).</param>
    public static AutoMLExperiment SetBinaryClassificationMetric(this AutoMLExperiment experiment, BinaryClassificationMetric metric, string labelColumn = "Label", string scoreColumn = "Score") =>
        SetMetric(experiment, TaskMetric.Binary(metric, Name(labelColumn, nameof(labelColumn)), Name(scoreColumn, nameof(scoreColumn))));

    /// <summary>Optimises a multiclass classification metric (log-loss is minimised, the others maximised).</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="labelColumn">The label column (a key).</param>
    /// <param name="scoreColumn">The class probabilities' column (a vector of Single, one per class).</param>
    /// <param name="topK">The K of <see cref="MulticlassClassificationMetric.TopKAccuracy"/>.</param>
    public static AutoMLExperiment SetMulticlassClassificationMetric(this AutoMLExperiment experiment, MulticlassClassificationMetric metric,
        string labelColumn = "Label", string scoreColumn = "Score", int topK = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topK);
        return SetMetric(experiment, TaskMetric.Multiclass(metric, Name(labelColumn, nameof(labelColumn)), Name(scoreColumn, nameof(scoreColumn)), topK));
    }

    /// <summary>
    /// Sets whether the best trial's pipeline is fitted again on every row (train and validation, or all folds)
    /// before <see cref="AutoMLExperiment.RunAsync"/> returns it; off by default.
    /// </summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="retrain">Whether to retrain.</param>
    public static AutoMLExperiment SetRetrainOnFullData(this AutoMLExperiment experiment, bool retrain = true)
    {
        Runner(experiment).RetrainOnFullData = retrain;
        return experiment;
    }

    private static AutoMLExperiment SetMetric(AutoMLExperiment experiment, TaskMetric metric)
    {
        Runner(experiment).Metric = metric;
        return experiment.SetMetricDirection(metric.Direction);
    }

    private static string Name(string column, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(column, paramName);
        return column;
    }

    private static PipelineTrialRunner Runner(AutoMLExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return experiment.TrialRunner as PipelineTrialRunner
            ?? throw new InvalidOperationException("The pipeline setters need an experiment made by mlContext.Auto().CreateExperiment().");
    }
}
