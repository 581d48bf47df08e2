using Microsoft.ML;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// The pipeline setters of an experiment made by <c>mlContext.Auto().CreateExperiment()</c> (as ML.NET's
/// AutoMLExperiment extensions): what to fit, on which rows, and which metric to optimise.
/// </summary>
public static class AutoMLExperimentExtensions
{
    /// <summary>
    /// Sets the pipeline whose sweepable estimators the sweep tunes; the first trial runs the pipeline's
    /// <see cref="SweepablePipeline.Parameter"/> (for a hypernetwork, the base options as given).
    /// </summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="pipeline">The pipeline (<c>transforms.Append(sweepable)</c>).</param>
    public static AutoMLExperiment SetPipeline(this AutoMLExperiment experiment, SweepablePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        PipelineTrialRunner runner = Runner(experiment);
        if (pipeline.SearchSpace.Count == 0)
        {
            throw new ArgumentException("The pipeline has no sweepable estimator; append one made by mlContext.Auto().", nameof(pipeline));
        }

        runner.Pipeline = pipeline;
        return experiment.SetSearchSpace(pipeline.SearchSpace, pipeline.Parameter);
    }

    /// <summary>Sets a pipeline of one sweepable estimator.</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="sweepable">The sweepable estimator.</param>
    public static AutoMLExperiment SetPipeline(this AutoMLExperiment experiment, SweepableEstimator sweepable)
    {
        ArgumentNullException.ThrowIfNull(sweepable);
        return experiment.SetPipeline(SweepablePipeline.From(sweepable));
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
    public static AutoMLExperiment SetDataset(this AutoMLExperiment experiment, DataOperationsCatalog.TrainTestData trainValidationSplit) =>
        experiment.SetDataset(trainValidationSplit.TrainSet, trainValidationSplit.TestSet);

    /// <summary>
    /// Cross-validates every trial on the folds of ML.NET's <c>mlContext.Data.CrossValidationSplit</c>: each fold is
    /// scored by a model trained on the others, and the trial's metric is the mean. The trial's model is the last
    /// fold's; per-epoch reports (for early stopping) come from the first fold.
    /// </summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="data">The rows.</param>
    /// <param name="fold">The number of folds, at least 2.</param>
    /// <param name="samplingKeyColumnName">
    /// A column whose equal values keep rows in one fold (as in <c>CrossValidationSplit</c>); rows are dealt at random
    /// when null.
    /// </param>
    /// <param name="seed">The seed of the fold assignment (as in <c>CrossValidationSplit</c>); drawn from the context when null.</param>
    public static AutoMLExperiment SetDataset(this AutoMLExperiment experiment, IDataView data, int fold = 10, string? samplingKeyColumnName = null, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(fold, 2);
        PipelineTrialRunner runner = Runner(experiment);
        runner.Dataset = TrialDataset.CrossValidation(runner.Context, data, fold, samplingKeyColumnName, seed);
        return experiment;
    }

    /// <summary>Optimises a regression metric (errors are minimised, R² maximised), computed by ML.NET's <c>Regression.Evaluate</c>.</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="labelColumn">The label column (Single).</param>
    /// <param name="scoreColumn">The predicted value's column (Single).</param>
    public static AutoMLExperiment SetRegressionMetric(this AutoMLExperiment experiment, RegressionMetric metric, string labelColumn = "Label", string scoreColumn = "Score") =>
        SetMetric(experiment, TaskMetric.Regression(metric, Name(labelColumn, nameof(labelColumn)), Name(scoreColumn, nameof(scoreColumn))));

    /// <summary>
    /// Optimises a binary classification metric (maximised), computed by ML.NET's
    /// <c>BinaryClassification.EvaluateNonCalibrated</c>. When the scored rows have no
    /// <paramref name="predictedLabelColumn"/>, the predicted label is the raw score's sign (score &gt; 0).
    /// </summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="labelColumn">The label column (Boolean).</param>
    /// <param name="scoreColumn">The raw score's column (Single; positive means the positive class).</param>
    /// <param name="predictedLabelColumn">The predicted label's column (Boolean).</param>
    public static AutoMLExperiment SetBinaryClassificationMetric(this AutoMLExperiment experiment, BinaryClassificationMetric metric,
        string labelColumn = "Label", string scoreColumn = "Score", string predictedLabelColumn = "PredictedLabel") =>
        SetMetric(experiment, TaskMetric.Binary(
            metric, Name(labelColumn, nameof(labelColumn)), Name(scoreColumn, nameof(scoreColumn)), Name(predictedLabelColumn, nameof(predictedLabelColumn))));

    /// <summary>
    /// Optimises a multiclass classification metric (log-loss is minimised, the others maximised), computed by
    /// ML.NET's <c>MulticlassClassification.Evaluate</c>.
    /// </summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="labelColumn">The label column (a key).</param>
    /// <param name="scoreColumn">The class probabilities' column (a vector of Single, one per class).</param>
    /// <param name="predictedLabelColumn">The predicted label's column (a key, as ML.NET's multiclass trainers write it).</param>
    /// <param name="topK">The K of <see cref="MulticlassClassificationMetric.TopKAccuracy"/> (cut to the number of classes).</param>
    public static AutoMLExperiment SetMulticlassClassificationMetric(this AutoMLExperiment experiment, MulticlassClassificationMetric metric,
        string labelColumn = "Label", string scoreColumn = "Score", string predictedLabelColumn = "PredictedLabel", int topK = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topK);
        return SetMetric(experiment, TaskMetric.Multiclass(
            metric, Name(labelColumn, nameof(labelColumn)), Name(scoreColumn, nameof(scoreColumn)), Name(predictedLabelColumn, nameof(predictedLabelColumn)), topK));
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
