namespace Hypernetworks.MLNet.Tests.Evaluation;

public sealed class MulticlassClassificationMetricsTests
{
    private static readonly int[] Labels = [0, 1, 2, 2, 2];

    private static readonly float[] Scores =
    [
        0.7f, 0.2f, 0.1f, // right
        0.5f, 0.3f, 0.2f, // wrong (class 0), label second
        0.1f, 0.1f, 0.8f, // right
        0.4f, 0.4f, 0.2f, // wrong (class 0 wins the tie), label third
        0.2f, 0.2f, 0.6f, // right
    ];

    private static MulticlassClassificationMetrics Sample(int topK = 1) => MulticlassClassificationMetrics.Compute(Labels, Scores, 3, topK);

    [Fact]
    public void Compute_MicroAccuracyIsFractionOfRowsRight()
    {
        Assert.Equal(3 / 5.0, Sample().MicroAccuracy, 12);
    }

    [Fact]
    public void Compute_MacroAccuracyAveragesPerClassAccuracy()
    {
        Assert.Equal((1 + 0 + (2 / 3.0)) / 3, Sample().MacroAccuracy, 12);
    }

    [Fact]
    public void Compute_TopKAccuracyCountsLabelsAmongTheKHighest()
    {
        MulticlassClassificationMetrics m = Sample(topK: 2);

        Assert.Equal(2, m.TopKPredictionCount);
        Assert.Equal(4 / 5.0, m.TopKAccuracy, 12);
        Assert.Equal([3 / 5.0, 4 / 5.0], m.TopKAccuracyForAllK);
        Assert.Equal(Sample().MicroAccuracy, Sample().TopKAccuracy, 12);
    }

    [Fact]
    public void Compute_LogLossAndReductionAreInNats()
    {
        double[] truth = [0.7f, 0.3f, 0.8f, 0.2f, 0.6f];
        double logLoss = truth.Average(p => -Math.Log(p));
        double prior = -((0.2 * Math.Log(0.2) * 2) + (0.6 * Math.Log(0.6)));

        MulticlassClassificationMetrics m = Sample();

        Assert.Equal(logLoss, m.LogLoss, 12);
        Assert.Equal((prior - logLoss) / prior, m.LogLossReduction, 12);
    }

    [Fact]
    public void Compute_PerClassLogLossAveragesOverEachClassRows()
    {
        MulticlassClassificationMetrics m = Sample();

        Assert.Equal(-Math.Log(0.7f), m.PerClassLogLoss[0], 12);
        Assert.Equal(-Math.Log(0.3f), m.PerClassLogLoss[1], 12);
        Assert.Equal(-(Math.Log(0.8f) + Math.Log(0.2f) + Math.Log(0.6f)) / 3, m.PerClassLogLoss[2], 12);
    }

    [Fact]
    public void Compute_ConfusionMatrixCountsTruthByPrediction()
    {
        ConfusionMatrix matrix = Sample().ConfusionMatrix;

        Assert.Equal(3, matrix.NumberOfClasses);
        Assert.Equal([[1.0, 0, 0], [1.0, 0, 0], [1.0, 0, 2]], matrix.Counts);
        Assert.Equal([1 / 3.0, 0, 1], matrix.PerClassPrecision);
        Assert.Equal([1, 0, 2 / 3.0], matrix.PerClassRecall);
    }

    [Fact]
    public void Compute_BreaksScoreTiesTowardTheLowestClassIndex()
    {
        MulticlassClassificationMetrics m = MulticlassClassificationMetrics.Compute([1], [0.5f, 0.5f], 2);

        Assert.Equal(0.0, m.MicroAccuracy);
        Assert.Equal(1.0, m.ConfusionMatrix.Counts[1][0]);
    }

    [Fact]
    public void Compute_IgnoresAbsentClassesInMacroAccuracyAndGivesThemNaNLogLoss()
    {
        MulticlassClassificationMetrics m = MulticlassClassificationMetrics.Compute([0, 0], [0.9f, 0.1f, 0f, 0.3f, 0.7f, 0f], 3);

        Assert.Equal(0.5, m.MacroAccuracy, 12);
        Assert.True(double.IsNaN(m.PerClassLogLoss[2]));
        Assert.True(double.IsNaN(m.LogLossReduction));
    }

    [Fact]
    public void Compute_ThrowsNamingTheRowOfALabelOutOfRange()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => MulticlassClassificationMetrics.Compute([0, 3], [1f, 0f, 0f, 1f], 2));

        Assert.Contains("row 1", ex.Message, StringComparison.Ordinal);
        Assert.Equal("labels", ex.ParamName);
    }

    [Fact]
    public void Compute_ThrowsWhenScoresDoNotHoldOneRowPerLabel()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => MulticlassClassificationMetrics.Compute([0, 1], [1f, 0f, 0f], 2));

        Assert.Equal("scores", ex.ParamName);
    }

    [Fact]
    public void Compute_ThrowsForTopKAboveClassCount()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MulticlassClassificationMetrics.Compute([0], [1f, 0f], 2, topK: 3));
    }

    [Fact]
    public void Compute_ThrowsForEmptyInput()
    {
        Assert.Throws<ArgumentException>(() => MulticlassClassificationMetrics.Compute([], [], 2));
    }
}
