using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// The metric a pipeline sweep optimises: how to compute it from scored rows, its direction, and, where the
/// trainer's per-epoch validation loss determines it exactly, how to turn that loss into the metric (for ASHA).
/// </summary>
internal sealed class TaskMetric
{
    private const int BatchSize = 1024;
    private readonly Func<float[], float[], int, double> compute;

    private TaskMetric(string name, MetricDirection direction, string labelColumn, string scoreColumn,
        Func<float[], float[], int, double> compute, Func<double, double>? fromValidationLoss)
    {
        Name = name;
        Direction = direction;
        LabelColumn = labelColumn;
        ScoreColumn = scoreColumn;
        this.compute = compute;
        FromValidationLoss = fromValidationLoss;
    }

    public string Name { get; }

    public MetricDirection Direction { get; }

    public string LabelColumn { get; }

    public string ScoreColumn { get; }

    /// <summary>Gets the metric as a function of the trainer's validation loss (mean squared error or cross-entropy), or null when the loss does not determine it.</summary>
    public Func<double, double>? FromValidationLoss { get; }

    public static TaskMetric Regression(RegressionMetric metric, string labelColumn, string scoreColumn) =>
        new(metric.ToString(), MetricDirections.Of(metric), labelColumn, scoreColumn,
            (labels, scores, _) =>
            {
                RegressionMetrics m = RegressionMetrics.Compute(labels, scores);
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

    public static TaskMetric Binary(BinaryClassificationMetric metric, string labelColumn, string scoreColumn) =>
        new(metric.ToString(), MetricDirections.Of(metric), labelColumn, scoreColumn,
            (labels, scores, _) =>
            {
                bool[] positive = [.. labels.Select(l => l != 0)];
                BinaryClassificationMetrics m = BinaryClassificationMetrics.Compute(positive, scores);
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

    public static TaskMetric Multiclass(MulticlassClassificationMetric metric, string labelColumn, string scoreColumn, int topK) =>
        new(metric.ToString(), MetricDirections.Of(metric), labelColumn, scoreColumn,
            (labels, scores, classCount) =>
            {
                // Keys are read as 1..count (0 = missing, dropped before this point); classes are 0-based.
                int[] classes = [.. labels.Select(l => (int)l - 1)];
                MulticlassClassificationMetrics m = MulticlassClassificationMetrics.Compute(classes, scores, classCount, Math.Min(topK, classCount));
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

    /// <summary>Computes the metric over the rows of a scored view, skipping rows whose label is missing.</summary>
    /// <param name="scored">The view with the label and score columns.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public double Evaluate(IDataView scored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var labels = new List<float>();
        var scores = new List<float>();
        int width;
        using (var reader = new RowBatchReader(scored, [LabelColumn, ScoreColumn], BatchSize))
        {
            width = reader.GetWidth(1);
            bool keyLabel = SchemaErrors.Find(scored.Schema, LabelColumn, "label", nameof(scored)).Type is KeyDataViewType;
            while (reader.ReadBatch())
            {
                cancellationToken.ThrowIfCancellationRequested();
                ReadOnlySpan<float> label = reader.GetColumn(0);
                ReadOnlySpan<float> score = reader.GetColumn(1);
                for (int row = 0; row < reader.RowCount; row++)
                {
                    if (float.IsNaN(label[row]) || (keyLabel && label[row] == 0))
                    {
                        continue;
                    }

                    labels.Add(label[row]);
                    scores.AddRange(score.Slice(row * width, width));
                }
            }
        }

        if (labels.Count == 0)
        {
            throw new InvalidOperationException($"No row with a label in column '{LabelColumn}' to compute {Name} on.");
        }

        return compute([.. labels], [.. scores], width);
    }
}
