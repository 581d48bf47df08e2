using Hypernetworks.Initialization;

namespace Hypernetworks.MLNet.Tests.Evaluation;

public sealed class BinaryClassificationMetricsTests
{
    private static readonly bool[] Labels = [true, false, true, false, true];
    private static readonly float[] Scores = [0.9f, 0.8f, 0.4f, 0.4f, 0.1f];

    private static CalibratedBinaryClassificationMetrics Sample() => CalibratedBinaryClassificationMetrics.Compute(Labels, Scores, Scores);

    [Fact]
    public void Compute_ThresholdMetricsMatchHandCounts()
    {
        // Predicted positive (p > 0.5): rows 0 and 1. TP = 1, FP = 1, FN = 2, TN = 1.
        BinaryClassificationMetrics m = Sample();

        Assert.Equal(0.4, m.Accuracy, 12);
        Assert.Equal(0.5, m.PositivePrecision, 12);
        Assert.Equal(1 / 3.0, m.PositiveRecall, 12);
        Assert.Equal(1 / 3.0, m.NegativePrecision, 12);
        Assert.Equal(0.5, m.NegativeRecall, 12);
        Assert.Equal(2 * 0.5 * (1 / 3.0) / (0.5 + (1 / 3.0)), m.F1Score, 12);
        Assert.Equal([[1.0, 2.0], [1.0, 1.0]], m.ConfusionMatrix.Counts);
    }

    [Fact]
    public void Compute_AreaUnderRocCountsTiesAsHalf()
    {
        // Positive/negative pairs: 0.9 beats both, 0.4 ties 0.4 (one half), everything else loses: 2.5 of 6.
        Assert.Equal(2.5 / 6, Sample().AreaUnderRocCurve, 12);
    }

    [Fact]
    public void Compute_AreaUnderRocEqualsPairwiseCountOnRandomTiedScores()
    {
        var random = new SeededRandom(5);
        bool[] labels = [.. Enumerable.Range(0, 300).Select(i => i % 3 == 0 || random.NextFloat() < 0.3f)];
        float[] scores = [.. labels.Select(l => MathF.Round((l ? 0.3f : 0f) + random.NextFloat(), 1) / 1.4f)];

        double expected = PairwiseAuc(labels, scores);

        Assert.Equal(expected, BinaryClassificationMetrics.Compute(labels, scores).AreaUnderRocCurve, 12);
    }

    [Fact]
    public void Compute_AreaUnderPrecisionRecallIsAveragePrecisionWithTiesGrouped()
    {
        // Thresholds 0.9: recall 1/3 precision 1; 0.8: recall unchanged; 0.4 (a tie of one positive and one
        // negative): recall 2/3 precision 2/4; 0.1: recall 1 precision 3/5.
        double expected = (1 / 3.0 * 1) + (1 / 3.0 * 0.5) + (1 / 3.0 * 0.6);

        Assert.Equal(expected, Sample().AreaUnderPrecisionRecallCurve, 12);
    }

    [Fact]
    public void Compute_LogLossEntropyAndReductionAreInBits()
    {
        double[] truthProbabilities = [0.9f, 1 - (double)0.8f, 0.4f, 1 - (double)0.4f, 0.1f];
        double logLoss = truthProbabilities.Average(p => -Math.Log(p) / Math.Log(2));
        double entropy = -((0.6 * Math.Log(0.6)) + (0.4 * Math.Log(0.4))) / Math.Log(2);

        CalibratedBinaryClassificationMetrics m = Sample();

        Assert.Equal(logLoss, m.LogLoss, 12);
        Assert.Equal(entropy, m.Entropy, 12);
        Assert.Equal((entropy - logLoss) / entropy, m.LogLossReduction, 12);
    }

    [Fact]
    public void Compute_ClipsCertainWrongProbabilitiesToAFiniteLogLoss()
    {
        CalibratedBinaryClassificationMetrics m = CalibratedBinaryClassificationMetrics.Compute([true, false], [0f, 1f], [0f, 1f]);

        Assert.Equal(-Math.Log(1e-15) / Math.Log(2), m.LogLoss, 9);
    }

    [Fact]
    public void Compute_PredictsPositiveOnlyAboveTheThreshold()
    {
        BinaryClassificationMetrics m = CalibratedBinaryClassificationMetrics.Compute([true, false], [1f, 0f], [0.5f, 0.2f]);

        Assert.Equal(0.0, m.PositiveRecall);
        Assert.Equal(0.0, m.PositivePrecision);
        Assert.Equal(0.0, m.F1Score);
    }

    [Fact]
    public void Compute_OfRawScoresPredictsPositiveAboveZero()
    {
        // Scores -1, 2, 0.5, -3 for labels T, F, T, F: predicted positive rows 1 and 2, so TP = 1, FP = 1.
        BinaryClassificationMetrics m = BinaryClassificationMetrics.Compute([true, false, true, false], [-1f, 2f, 0.5f, -3f]);

        Assert.Equal(0.5, m.Accuracy, 12);
        Assert.Equal(0.5, m.PositivePrecision, 12);
        Assert.Equal(0.5, m.AreaUnderRocCurve, 12);
    }

    [Fact]
    public void Compute_ThrowsWhenLabelsHoldOneClass()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => BinaryClassificationMetrics.Compute([true, true], [0.2f, 0.4f]));

        Assert.Contains("need both classes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ThrowsForProbabilityOutsideZeroToOne()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => CalibratedBinaryClassificationMetrics.Compute([true, false], [0f, 0f], [0.5f, 1.5f]));

        Assert.Equal("probabilities", ex.ParamName);
        Assert.Contains("row 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ThrowsForEmptyInput()
    {
        Assert.Throws<ArgumentException>(() => BinaryClassificationMetrics.Compute([], []));
    }

    private static double PairwiseAuc(bool[] labels, float[] scores)
    {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            for (int j = 0; j < labels.Length; j++)
            {
                if (labels[i] && !labels[j])
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }

        return wins / pairs;
    }
}
