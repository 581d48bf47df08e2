using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.MLNet.Tests.AutoML;

public class MetricDirectionsTests
{
    [Theory]
    [InlineData(RegressionMetric.RootMeanSquaredError, MetricDirection.Minimize)]
    [InlineData(RegressionMetric.MeanAbsoluteError, MetricDirection.Minimize)]
    [InlineData(RegressionMetric.RSquared, MetricDirection.Maximize)]
    public void Regression_ErrorsAreMinimisedAndRSquaredMaximised(RegressionMetric metric, MetricDirection expected) =>
        Assert.Equal(expected, MetricDirections.Of(metric));

    [Theory]
    [InlineData(MulticlassClassificationMetric.LogLoss, MetricDirection.Minimize)]
    [InlineData(MulticlassClassificationMetric.MicroAccuracy, MetricDirection.Maximize)]
    public void Multiclass_LogLossIsMinimisedAndAccuracyMaximised(MulticlassClassificationMetric metric, MetricDirection expected) =>
        Assert.Equal(expected, MetricDirections.Of(metric));

    [Fact]
    public void Binary_AccuracyIsMaximised() => Assert.Equal(MetricDirection.Maximize, MetricDirections.Of(BinaryClassificationMetric.Accuracy));

    [Fact]
    public void Of_ThrowsForAnUndefinedMetric() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MetricDirections.Of((RegressionMetric)42));
}
