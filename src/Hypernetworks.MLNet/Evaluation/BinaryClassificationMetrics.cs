namespace Hypernetworks.MLNet;

/// <summary>
/// Binary classification quality with ML.NET's names and definitions: the threshold metrics, the ranking
/// areas and the confusion matrix. <see cref="CalibratedBinaryClassificationMetrics"/> adds the log-loss
/// family for classifiers that output probabilities.
/// </summary>
public class BinaryClassificationMetrics
{
    /// <summary>Creates metrics from their values (for aggregating folds or tests).</summary>
    /// <param name="accuracy">See <see cref="Accuracy"/>.</param>
    /// <param name="areaUnderRocCurve">See <see cref="AreaUnderRocCurve"/>.</param>
    /// <param name="areaUnderPrecisionRecallCurve">See <see cref="AreaUnderPrecisionRecallCurve"/>.</param>
    /// <param name="f1Score">See <see cref="F1Score"/>.</param>
    /// <param name="positivePrecision">See <see cref="PositivePrecision"/>.</param>
    /// <param name="positiveRecall">See <see cref="PositiveRecall"/>.</param>
    /// <param name="negativePrecision">See <see cref="NegativePrecision"/>.</param>
    /// <param name="negativeRecall">See <see cref="NegativeRecall"/>.</param>
    /// <param name="confusionMatrix">See <see cref="ConfusionMatrix"/>.</param>
    public BinaryClassificationMetrics(
        double accuracy, double areaUnderRocCurve, double areaUnderPrecisionRecallCurve, double f1Score,
        double positivePrecision, double positiveRecall, double negativePrecision, double negativeRecall,
        ConfusionMatrix confusionMatrix)
    {
        ArgumentNullException.ThrowIfNull(confusionMatrix);
        Accuracy = accuracy;
        AreaUnderRocCurve = areaUnderRocCurve;
        AreaUnderPrecisionRecallCurve = areaUnderPrecisionRecallCurve;
        F1Score = f1Score;
        PositivePrecision = positivePrecision;
        PositiveRecall = positiveRecall;
        NegativePrecision = negativePrecision;
        NegativeRecall = negativeRecall;
        ConfusionMatrix = confusionMatrix;
    }

    /// <summary>Fraction of rows whose predicted label equals the label.</summary>
    public double Accuracy { get; }

    /// <summary>Probability that a random positive row scores above a random negative row (ties count half).</summary>
    public double AreaUnderRocCurve { get; }

    /// <summary>Area under the precision-recall curve as average precision (tied scores enter together).</summary>
    public double AreaUnderPrecisionRecallCurve { get; }

    /// <summary>Harmonic mean of <see cref="PositivePrecision"/> and <see cref="PositiveRecall"/> (0 when both are 0).</summary>
    public double F1Score { get; }

    /// <summary>True positives over predicted positives (0 when nothing is predicted positive).</summary>
    public double PositivePrecision { get; }

    /// <summary>True positives over positive rows.</summary>
    public double PositiveRecall { get; }

    /// <summary>True negatives over predicted negatives (0 when nothing is predicted negative).</summary>
    public double NegativePrecision { get; }

    /// <summary>True negatives over negative rows.</summary>
    public double NegativeRecall { get; }

    /// <summary>The confusion matrix; class 0 is "positive", class 1 "negative", as in ML.NET.</summary>
    public ConfusionMatrix ConfusionMatrix { get; }

    /// <summary>
    /// Computes the metrics of raw scores: a row is predicted positive when its score is above
    /// <paramref name="threshold"/>; the areas rank rows by score.
    /// </summary>
    /// <param name="labels">The true labels.</param>
    /// <param name="scores">The raw scores, one per row (higher means more positive).</param>
    /// <param name="threshold">The score above which a row is predicted positive (ML.NET's default is 0).</param>
    /// <exception cref="ArgumentException">The input is empty, the lengths differ, a score is not finite, or
    /// the labels hold only one class (the area under the ROC curve is then undefined; ML.NET refuses too).</exception>
    public static BinaryClassificationMetrics Compute(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores, float threshold = 0f)
    {
        if (!float.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be finite.");
        }

        return ComputeCore(labels, scores, scores, threshold);
    }

    /// <summary>The threshold and ranking metrics, predicting positive where <paramref name="decisionValues"/> exceed the threshold.</summary>
    internal static BinaryClassificationMetrics ComputeCore(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores, ReadOnlySpan<float> decisionValues, float threshold)
    {
        MetricChecks.NotEmpty(labels.Length, nameof(labels));
        MetricChecks.SameLength(labels.Length, scores.Length, nameof(labels), nameof(scores));
        MetricChecks.Finite(scores, nameof(scores));

        long truePositives = 0, falsePositives = 0, trueNegatives = 0, falseNegatives = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            switch (labels[i], decisionValues[i] > threshold)
            {
                case (true, true): truePositives++; break;
                case (true, false): falseNegatives++; break;
                case (false, true): falsePositives++; break;
                default: trueNegatives++; break;
            }
        }

        long positives = truePositives + falseNegatives, negatives = trueNegatives + falsePositives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException($"All {labels.Length} labels are {(positives == 0 ? "false" : "true")}; binary metrics (the area under the ROC curve) need both classes.", nameof(labels));
        }

        double positivePrecision = Ratio(truePositives, truePositives + falsePositives);
        double positiveRecall = Ratio(truePositives, positives);
        return new BinaryClassificationMetrics(
            accuracy: (truePositives + trueNegatives) / (double)labels.Length,
            areaUnderRocCurve: RankStatistics.AreaUnderRoc(labels, scores, positives, negatives),
            areaUnderPrecisionRecallCurve: RankStatistics.AreaUnderPrecisionRecall(labels, scores, positives),
            f1Score: positivePrecision + positiveRecall == 0 ? 0 : 2 * positivePrecision * positiveRecall / (positivePrecision + positiveRecall),
            positivePrecision: positivePrecision,
            positiveRecall: positiveRecall,
            negativePrecision: Ratio(trueNegatives, trueNegatives + falseNegatives),
            negativeRecall: Ratio(trueNegatives, negatives),
            confusionMatrix: new ConfusionMatrix([[truePositives, falseNegatives], [falsePositives, trueNegatives]], ["positive", "negative"]));
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
