using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// The metric a pipeline sweep optimises: which of ML.NET's stock evaluators computes it from the scored validation
/// rows, its direction, and, where the trainer's per-epoch validation loss determines it exactly, how to turn that
/// loss into the metric (for ASHA).
/// </summary>
internal sealed class TaskMetric
{
    private readonly Func<MLContext, IDataView, double> evaluate;

    private TaskMetric(MetricDirection direction, Func<MLContext, IDataView, double> evaluate, Func<double, double>? fromValidationLoss)
    {
        Direction = direction;
        this.evaluate = evaluate;
        FromValidationLoss = fromValidationLoss;
    }

    public MetricDirection Direction { get; }

    /// <summary>Gets the metric as a function of the trainer's validation loss (mean squared error or cross-entropy), or null when the loss does not determine it.</summary>
    public Func<double, double>? FromValidationLoss { get; }

    /// <summary>A regression metric from <c>mlContext.Regression.Evaluate</c> (rows with a NaN label are skipped).</summary>
    public static TaskMetric Regression(RegressionMetric metric, string labelColumn, string scoreColumn) =>
        new(MetricDirections.Of(metric),
            (context, scored) =>
            {
                RegressionMetrics m = context.Regression.Evaluate(scored, labelColumn, scoreColumn);
                return metric switch
                {
                    RegressionMetric.MeanAbsoluteError => m.MeanAbsoluteError,
                    RegressionMetric.MeanSquaredError => m.MeanSquaredError,
                    RegressionMetric.RootMeanSquaredError => m.RootMeanSquaredError,
                    _ => m.RSquared,
                };
            },
            metric switch
            {
                RegressionMetric.MeanSquaredError => loss => loss,
                RegressionMetric.RootMeanSquaredError => Math.Sqrt,
                _ => null,
            });

    /// <summary>
    /// A binary metric from <c>mlContext.BinaryClassification.EvaluateNonCalibrated</c>; when the scored rows have no
    /// predicted-label column, the predicted label is the raw score's sign (score &gt; 0), added by ML.NET's
    /// Expression transform.
    /// </summary>
    public static TaskMetric Binary(BinaryClassificationMetric metric, string labelColumn, string scoreColumn, string predictedLabelColumn) =>
        new(MetricDirections.Of(metric),
            (context, scored) =>
            {
                IDataView withPrediction = scored.Schema.GetColumnOrNull(predictedLabelColumn) is null
                    ? context.Transforms.Expression(predictedLabelColumn, "score => score > 0", scoreColumn).Fit(scored).Transform(scored)
                    : scored;
                BinaryClassificationMetrics m = context.BinaryClassification.EvaluateNonCalibrated(withPrediction, labelColumn, scoreColumn, predictedLabelColumn);
                return metric switch
                {
                    BinaryClassificationMetric.Accuracy => m.Accuracy,
                    BinaryClassificationMetric.AreaUnderRocCurve => m.AreaUnderRocCurve,
                    BinaryClassificationMetric.AreaUnderPrecisionRecallCurve => m.AreaUnderPrecisionRecallCurve,
                    BinaryClassificationMetric.F1Score => m.F1Score,
                    BinaryClassificationMetric.PositivePrecision => m.PositivePrecision,
                    BinaryClassificationMetric.PositiveRecall => m.PositiveRecall,
                    BinaryClassificationMetric.NegativePrecision => m.NegativePrecision,
                    _ => m.NegativeRecall,
                };
            },
            null);

    /// <summary>A multiclass metric from <c>mlContext.MulticlassClassification.Evaluate</c>; K is cut to the number of classes.</summary>
    public static TaskMetric Multiclass(MulticlassClassificationMetric metric, string labelColumn, string scoreColumn, string predictedLabelColumn, int topK) =>
        new(MetricDirections.Of(metric),
            (context, scored) =>
            {
                int classes = scored.Schema.GetColumnOrNull(scoreColumn)?.Type is VectorDataViewType { IsKnownSize: true } vector ? vector.Size : topK;
                MulticlassClassificationMetrics m = context.MulticlassClassification.Evaluate(
                    scored, labelColumn, scoreColumn, predictedLabelColumn, Math.Min(topK, classes));
                return metric switch
                {
                    MulticlassClassificationMetric.MicroAccuracy => m.MicroAccuracy,
                    MulticlassClassificationMetric.MacroAccuracy => m.MacroAccuracy,
                    MulticlassClassificationMetric.LogLoss => m.LogLoss,
                    MulticlassClassificationMetric.LogLossReduction => m.LogLossReduction,
                    _ => m.TopKAccuracy,
                };
            },
            metric == MulticlassClassificationMetric.LogLoss ? loss => loss : null);

    /// <summary>Computes the metric over the rows of a scored view with the stock evaluator.</summary>
    /// <param name="context">The context whose catalogs evaluate.</param>
    /// <param name="scored">The view with the label and score columns.</param>
    public double Evaluate(MLContext context, IDataView scored)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(scored);
        return evaluate(context, scored);
    }
}
