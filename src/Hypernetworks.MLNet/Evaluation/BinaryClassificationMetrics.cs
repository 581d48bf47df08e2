namespace Hypernetworks.MLNet;

/// <summary>
/// Binary classification quality with ML.NET's names and definitions (ML.NET's
/// CalibratedBinaryClassificationMetrics: the threshold metrics, the ranking areas, and the log-loss family).
/// Log-loss and entropy are in bits, as in ML.NET's binary evaluator.
/// </summary>
public sealed class BinaryClassificationMetrics
{
    /// <summary>Probabilities are clipped to [ε, 1 − ε] before the logarithm, as in ML.NET.</summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>Creates metrics from their values (for aggregating folds or tests).</summary>
    /// <param name="accuracy">See <see cref="Accuracy"/>.</param>
    /// <param name="areaUnderRocCurve">See <see cref="AreaUnderRocCurve"/>.</param>
    /// <param name="areaUnderPrecisionRecallCurve">See <see cref="AreaUnderPrecisionRecallCurve"/>.</param>
    /// <param name="f1Score">See <see cref="F1Score"/>.</param>
    /// <param name="positivePrecision">See <see cref="PositivePrecision"/>.</param>
    /// <param name="positiveRecall">See <see cref="PositiveRecall"/>.</param>
    /// <param name="negativePrecision">See <see cref="NegativePrecision"/>.</param>
    /// <param name="negativeRecall">See <see cref="NegativeRecall"/>.</param>
    /// <param name="logLoss">See <see cref="LogLoss"/>.</param>
    /// <param name="logLossReduction">See <see cref="LogLossReduction"/>.</param>
    /// <param name="entropy">See <see cref="Entropy"/>.</param>
    /// <param name="confusionMatrix">See <see cref="ConfusionMatrix"/>.</param>
    public BinaryClassificationMetrics(
        double accuracy, double areaUnderRocCurve, double areaUnderPrecisionRecallCurve, double f1Score,
        double positivePrecision, double positiveRecall, double negativePrecision, double negativeRecall,
        double logLoss, double logLossReduction, double entropy, ConfusionMatrix confusionMatrix)
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
        LogLoss = logLoss;
        LogLossReduction = logLossReduction;
        Entropy = entropy;
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

    /// <summary>Mean of −log₂ of the probability given to the true label, probabilities clipped by <see cref="LogLossEpsilon"/>.</summary>
    public double LogLoss { get; }

    /// <summary>(<see cref="Entropy"/> − <see cref="LogLoss"/>) / <see cref="Entropy"/>: 1 is perfect, 0 is no better than the prior.</summary>
    public double LogLossReduction { get; }

    /// <summary>Entropy in bits of the labels' prior (the log-loss of always predicting the positive rate).</summary>
    public double Entropy { get; }

    /// <summary>The confusion matrix; class 0 is "positive", class 1 "negative", as in ML.NET.</summary>
    public ConfusionMatrix ConfusionMatrix { get; }

    /// <summary>
    /// Computes the metrics. A row is predicted positive when its probability is above
    /// <paramref name="threshold"/>; the areas rank rows by <paramref name="scores"/>.
    /// </summary>
    /// <param name="labels">The true labels.</param>
    /// <param name="scores">The raw scores, one per row (higher means more positive).</param>
    /// <param name="probabilities">The calibrated probabilities of the positive class, in [0, 1].</param>
    /// <param name="threshold">The probability above which a row is predicted positive.</param>
    /// <exception cref="ArgumentException">The input is empty, the lengths differ, a value is out of range, or
    /// the labels hold only one class (the area under the ROC curve is then undefined; ML.NET refuses too).</exception>
    public static BinaryClassificationMetrics Compute(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores, ReadOnlySpan<float> probabilities, float threshold = 0.5f)
    {
        MetricChecks.NotEmpty(labels.Length, nameof(labels));
        MetricChecks.SameLength(labels.Length, scores.Length, nameof(labels), nameof(scores));
        MetricChecks.SameLength(labels.Length, probabilities.Length, nameof(labels), nameof(probabilities));
        MetricChecks.Finite(scores, nameof(scores));
        MetricChecks.Probabilities(probabilities, nameof(probabilities), 1);
        if (!(threshold >= 0f && threshold <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must lie in [0, 1].");
        }

        long truePositives = 0, falsePositives = 0, trueNegatives = 0, falseNegatives = 0;
        double logLossSum = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            bool predicted = probabilities[i] > threshold;
            double probabilityOfTruth = labels[i] ? probabilities[i] : 1.0 - probabilities[i];
            logLossSum -= Math.Log2(Math.Max(probabilityOfTruth, LogLossEpsilon));
            switch (labels[i], predicted)
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

        double n = labels.Length;
        double positivePrecision = Ratio(truePositives, truePositives + falsePositives);
        double positiveRecall = Ratio(truePositives, positives);
        double prior = positives / n;
        double entropy = -((prior * Math.Log2(prior)) + ((1 - prior) * Math.Log2(1 - prior)));
        double logLoss = logLossSum / n;
        var confusion = new ConfusionMatrix(
            [[truePositives, falseNegatives], [falsePositives, trueNegatives]],
            ["positive", "negative"]);
        return new BinaryClassificationMetrics(
            accuracy: (truePositives + trueNegatives) / n,
            areaUnderRocCurve: RankStatistics.AreaUnderRoc(labels, scores, positives, negatives),
            areaUnderPrecisionRecallCurve: RankStatistics.AreaUnderPrecisionRecall(labels, scores, positives),
            f1Score: positivePrecision + positiveRecall == 0 ? 0 : 2 * positivePrecision * positiveRecall / (positivePrecision + positiveRecall),
            positivePrecision: positivePrecision,
            positiveRecall: positiveRecall,
            negativePrecision: Ratio(trueNegatives, trueNegatives + falseNegatives),
            negativeRecall: Ratio(trueNegatives, negatives),
            logLoss: logLoss,
            logLossReduction: (entropy - logLoss) / entropy,
            entropy: entropy,
            confusionMatrix: confusion);
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
