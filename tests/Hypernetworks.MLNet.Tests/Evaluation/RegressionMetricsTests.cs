namespace Hypernetworks.MLNet.Tests.Evaluation;

public sealed class RegressionMetricsTests
{
    [Fact]
    public void Compute_MatchesHandComputedValues()
    {
        // errors -0.5, 0, 1, -1; label mean 2.5, total sum of squares 5.
        RegressionMetrics m = RegressionMetrics.Compute([1f, 2f, 3f, 4f], [1.5f, 2f, 2f, 5f]);

        Assert.Equal(0.625, m.MeanAbsoluteError, 12);
        Assert.Equal(0.5625, m.MeanSquaredError, 12);
        Assert.Equal(0.75, m.RootMeanSquaredError, 12);
        Assert.Equal(1 - (2.25 / 5), m.RSquared, 12);
        Assert.Equal(0.5625, m.LossFunction, 12);
    }

    [Fact]
    public void Compute_GivesRSquaredOneForPerfectScores()
    {
        RegressionMetrics m = RegressionMetrics.Compute([1f, -2f, 7f], [1f, -2f, 7f]);

        Assert.Equal(1.0, m.RSquared);
        Assert.Equal(0.0, m.MeanSquaredError);
    }

    [Fact]
    public void Compute_GivesNegativeRSquaredForScoresWorseThanTheMean()
    {
        RegressionMetrics m = RegressionMetrics.Compute([0f, 1f], [1f, 0f]);

        Assert.Equal(1 - (2 / 0.5), m.RSquared, 12);
    }

    [Fact]
    public void Compute_GivesNaNRSquaredForConstantLabels()
    {
        Assert.True(double.IsNaN(RegressionMetrics.Compute([3f, 3f], [3f, 4f]).RSquared));
    }

    [Fact]
    public void Compute_ThrowsForEmptyInput()
    {
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([], []));
    }

    [Fact]
    public void Compute_ThrowsForMismatchedLengths()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([1f, 2f], [1f]));

        Assert.Equal("scores", ex.ParamName);
    }

    [Fact]
    public void Compute_ThrowsNamingTheRowOfANaNLabel()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([1f, 2f, float.NaN], [1f, 2f, 3f]));

        Assert.Contains("row 2", ex.Message, StringComparison.Ordinal);
        Assert.Equal("labels", ex.ParamName);
    }
}
