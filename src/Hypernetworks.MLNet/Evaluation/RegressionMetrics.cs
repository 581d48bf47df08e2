namespace Hypernetworks.MLNet;

/// <summary>Regression quality, with ML.NET's names and definitions (squared loss as the loss function).</summary>
public sealed class RegressionMetrics
{
    /// <summary>Creates metrics from their values (for aggregating folds or tests).</summary>
    /// <param name="meanAbsoluteError">Mean absolute error.</param>
    /// <param name="meanSquaredError">Mean squared error.</param>
    /// <param name="rSquared">Coefficient of determination.</param>
    /// <param name="lossFunction">Mean of the loss function.</param>
    public RegressionMetrics(double meanAbsoluteError, double meanSquaredError, double rSquared, double lossFunction)
    {
        MeanAbsoluteError = meanAbsoluteError;
        MeanSquaredError = meanSquaredError;
        RootMeanSquaredError = Math.Sqrt(meanSquaredError);
        RSquared = rSquared;
        LossFunction = lossFunction;
    }

    /// <summary>Mean of |label − score| (L1).</summary>
    public double MeanAbsoluteError { get; }

    /// <summary>Mean of (label − score)² (L2).</summary>
    public double MeanSquaredError { get; }

    /// <summary>Square root of <see cref="MeanSquaredError"/>.</summary>
    public double RootMeanSquaredError { get; }

    /// <summary>
    /// 1 − Σ(label − score)² / Σ(label − mean label)²: 1 is perfect, 0 is no better than the mean, negative is
    /// worse. NaN when all labels are equal (the ratio is undefined).
    /// </summary>
    public double RSquared { get; }

    /// <summary>Mean of the loss function; the squared loss, so equal to <see cref="MeanSquaredError"/>.</summary>
    public double LossFunction { get; }

    /// <summary>Computes the metrics of one score per row; sums are accumulated in double precision.</summary>
    /// <param name="labels">The true values.</param>
    /// <param name="scores">The predicted values, one per label.</param>
    /// <exception cref="ArgumentException">The input is empty, the lengths differ, or a value is NaN or infinite.</exception>
    public static RegressionMetrics Compute(ReadOnlySpan<float> labels, ReadOnlySpan<float> scores)
    {
        MetricChecks.NotEmpty(labels.Length, nameof(labels));
        MetricChecks.SameLength(labels.Length, scores.Length, nameof(labels), nameof(scores));
        MetricChecks.Finite(labels, nameof(labels));
        MetricChecks.Finite(scores, nameof(scores));

        double labelSum = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            labelSum += labels[i];
        }

        double mean = labelSum / labels.Length;
        double absoluteSum = 0, squaredSum = 0, totalSquares = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            double error = (double)labels[i] - scores[i];
            double deviation = labels[i] - mean;
            absoluteSum += Math.Abs(error);
            squaredSum += error * error;
            totalSquares += deviation * deviation;
        }

        double meanSquared = squaredSum / labels.Length;
        double rSquared = totalSquares == 0 ? double.NaN : 1 - (squaredSum / totalSquares);
        return new RegressionMetrics(absoluteSum / labels.Length, meanSquared, rSquared, meanSquared);
    }
}
