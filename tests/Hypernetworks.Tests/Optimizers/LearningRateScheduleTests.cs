using Hypernetworks.Optimizers;

namespace Hypernetworks.Tests.Optimizers;

public class LearningRateScheduleTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void Constant_ReturnsTheBaseRate(int step)
    {
        Assert.Equal(0.3f, new ConstantSchedule().RateAt(step, 0.3f));
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(25, 0.1 + (0.9 * 0.5 * (1 + 0.70710678118654757)))]
    [InlineData(50, 0.55)]
    [InlineData(100, 0.1)]
    [InlineData(150, 0.1)]
    public void Cosine_FollowsHalfACosineFromBaseToMinimum(int step, double expected)
    {
        Assert.Equal(expected, new CosineSchedule(100, 0.1f).RateAt(step, 1f), 1e-6);
    }

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(4, 0.5)]
    [InlineData(9, 1.0)]
    [InlineData(10, 1.0)]
    [InlineData(60, 0.5)]
    [InlineData(110, 0.0)]
    [InlineData(500, 0.0)]
    public void WarmupDecay_ClimbsLinearlyThenDecaysByCosine(int step, double expected)
    {
        Assert.Equal(expected, new WarmupDecaySchedule(10, 110).RateAt(step, 1f), 1e-6);
    }

    [Fact]
    public void Cosine_ThrowsForNonPositiveTotalSteps()
    {
        Assert.Throws<ArgumentOutOfRangeException>("totalSteps", () => new CosineSchedule(0));
    }

    [Fact]
    public void WarmupDecay_ThrowsWhenWarmupIsNotShorterThanTotal()
    {
        Assert.Throws<ArgumentOutOfRangeException>("warmupSteps", () => new WarmupDecaySchedule(10, 10));
    }

    [Fact]
    public void RateAt_ThrowsForNegativeStep()
    {
        Assert.Throws<ArgumentOutOfRangeException>("step", () => new CosineSchedule(10).RateAt(-1, 1f));
    }

    [Fact]
    public void RateAt_ThrowsForNegativeBaseRate()
    {
        Assert.Throws<ArgumentOutOfRangeException>("baseRate", () => new ConstantSchedule().RateAt(0, -1f));
    }
}
