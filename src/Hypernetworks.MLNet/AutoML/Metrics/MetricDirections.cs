namespace Hypernetworks.MLNet.AutoML;

/// <summary>Whether each task metric is minimised or maximised.</summary>
public static class MetricDirections
{
    /// <summary>Gets the direction of a regression metric: errors are minimised, R² maximised.</summary>
    /// <param name="metric">The metric.</param>
    public static MetricDirection Of(RegressionMetric metric) => metric switch
    {
        RegressionMetric.MeanAbsoluteError or RegressionMetric.MeanSquaredError or RegressionMetric.RootMeanSquaredError => MetricDirection.Minimize,
        RegressionMetric.RSquared => MetricDirection.Maximize,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown regression metric."),
    };

    /// <summary>Gets the direction of a binary classification metric: always maximised.</summary>
    /// <param name="metric">The metric.</param>
    public static MetricDirection Of(BinaryClassificationMetric metric) =>
        Enum.IsDefined(metric)
            ? MetricDirection.Maximize
            : throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown binary classification metric.");

    /// <summary>Gets the direction of a multiclass metric: log-loss is minimised, the others maximised.</summary>
    /// <param name="metric">The metric.</param>
    public static MetricDirection Of(MulticlassClassificationMetric metric) => metric switch
    {
        MulticlassClassificationMetric.LogLoss => MetricDirection.Minimize,
        MulticlassClassificationMetric.MicroAccuracy or MulticlassClassificationMetric.MacroAccuracy
            or MulticlassClassificationMetric.LogLossReduction or MulticlassClassificationMetric.TopKAccuracy => MetricDirection.Maximize,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown multiclass classification metric."),
    };
}
