namespace Hypernetworks.MLNet;

/// <summary>
/// Binary classification quality of a classifier that outputs probabilities, as ML.NET's
/// CalibratedBinaryClassificationMetrics: <see cref="BinaryClassificationMetrics"/> plus the log-loss family.
/// Log-loss and entropy are in bits, as in ML.NET's binary evaluator.
/// </summary>
public sealed class CalibratedBinaryClassificationMetrics : BinaryClassificationMetrics
{
    /// <summary>Probabilities are clipped below at ε before the logarithm, as in ML.NET.</summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>Creates metrics from their values (for aggregating folds or tests).</summary>
    /// <param name="accuracy">See <see cref="BinaryClassificationMetrics.Accuracy"/>.</param>
    /// <param name="areaUnderRocCurve">See <see cref="BinaryClassificationMetrics.AreaUnderRocCurve"/>.</param>
    /// <param name="areaUnderPrecisionRecallCurve">See <see cref="BinaryClassificationMetrics.AreaUnderPrecisionRecallCurve"/>.</param>
    /// <param name="f1Score">See <see cref="BinaryClassificationMetrics.F1Score"/>.</param>
    /// <param name="positivePrecision">See <see cref="BinaryClassificationMetrics.PositivePrecision"/>.</param>
    /// <param name="positiveRecall">See <see cref="BinaryClassificationMetrics.PositiveRecall"/>.</param>
    /// <param name="negativePrecision">See <see cref="BinaryClassificationMetrics.NegativePrecision"/>.</param>
    /// <param name="negativeRecall">See <see cref="BinaryClassificationMetrics.NegativeRecall"/>.</param>
    /// <param name="logLoss">See <see cref="LogLoss"/>.</param>
    /// <param name="logLossReduction">See <see cref="LogLossReduction"/>.</param>
    /// <param name="entropy">See <see cref="Entropy"/>.</param>
    /// <param name="confusionMatrix">See <see cref="BinaryClassificationMetrics.ConfusionMatrix"/>.</param>
    public CalibratedBinaryClassificationMetrics(
        double accuracy, double areaUnderRocCurve, double areaUnderPrecisionRecallCurve, double f1Score,
        double positivePrecision, double positiveRecall, double negativePrecision, double negativeRecall,
        double logLoss, double logLossReduction, double entropy, ConfusionMatrix confusionMatrix)
        : base(accuracy, areaUnderRocCurve, areaUnderPrecisionRecallCurve, f1Score, positivePrecision, positiveRecall, negativePrecision, negativeRecall, confusionMatrix)
    {
        LogLoss = logLoss;
        LogLossReduction = logLossReduction;
        Entropy = entropy;
    }

    /// <summary>Mean of −log₂ of the probability given to the true label, clipped below at <see cref="LogLossEpsilon"/>.</summary>
    public double LogLoss { get; }

    /// <summary>(<see cref="Entropy"/> − <see cref="LogLoss"/>) / <see cref="Entropy"/>: 1 is perfect, 0 is no better than the prior.</summary>
    public double LogLossReduction { get; }

    /// <summary>Entropy in bits of the labels' prior (the log-loss of always predicting the positive rate).</summary>
    public double Entropy { get; }

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
    public static CalibratedBinaryClassificationMetrics Compute(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores, ReadOnlySpan<float> probabilities, float threshold = 0.5f)
    {
        MetricChecks.SameLength(labels.Length, probabilities.Length, nameof(labels), nameof(probabilities));
        MetricChecks.Probabilities(probabilities, nameof(probabilities), 1);
        if (!(threshold >= 0f && threshold <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The probability threshold must lie in [0, 1].");
        }

        BinaryClassificationMetrics m = ComputeCore(labels, scores, probabilities, threshold);
        double logLossSum = 0;
        long positives = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            double probabilityOfTruth = labels[i] ? probabilities[i] : 1.0 - probabilities[i];
            logLossSum -= Math.Log2(Math.Max(probabilityOfTruth, LogLossEpsilon));
            positives += labels[i] ? 1 : 0;
        }

        double prior = positives / (double)labels.Length;
        double entropy = -((prior * Math.Log2(prior)) + ((1 - prior) * Math.Log2(1 - prior)));
        double logLoss = logLossSum / labels.Length;
        return new CalibratedBinaryClassificationMetrics(
            m.Accuracy, m.AreaUnderRocCurve, m.AreaUnderPrecisionRecallCurve, m.F1Score,
            m.PositivePrecision, m.PositiveRecall, m.NegativePrecision, m.NegativeRecall,
            logLoss, (entropy - logLoss) / entropy, entropy, m.ConfusionMatrix);
    }
}
