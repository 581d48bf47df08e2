using Hypernetworks.Optimizers;

namespace Hypernetworks.Tests.Optimizers;

public class AdamWTests
{
    [Fact]
    public void Step_ThreeSteps_MatchFormulaWithDecoupledDecay()
    {
        using var fixture = new OptimizerFixture(100);
        var reference = new AdamReference(fixture.ValuesAsDouble(), 0.01, 0.9, 0.999, 1e-8, 0, 0.1);
        using var adamW = new AdamW(fixture.Parameters, learningRate: 0.01f, weightDecay: 0.1f);
        for (int t = 0; t < 3; t++)
        {
            reference.Step(fixture.NextGradients());
            adamW.Step();
            fixture.AssertValues(reference.Values);
        }
    }

    [Fact]
    public void Step_WithZeroGradient_OnlyShrinksValuesByLearningRateTimesDecay()
    {
        using var fixture = new OptimizerFixture(101);
        double[][] p = fixture.ValuesAsDouble();
        using var adamW = new AdamW(fixture.Parameters, learningRate: 0.1f, weightDecay: 0.5f);
        adamW.Step();
        fixture.AssertValues(p.Select(values => values.Select(v => v * 0.95).ToArray()).ToArray(), tolerance: 1e-7);
    }

    [Fact]
    public void Step_DiffersFromAdamWithTheSameWeightDecay()
    {
        using var coupled = new OptimizerFixture(102);
        using var decoupled = new OptimizerFixture(102);
        coupled.NextGradients();
        decoupled.NextGradients();
        using var adam = new Adam(coupled.Parameters, learningRate: 0.01f, weightDecay: 0.5f);
        using var adamW = new AdamW(decoupled.Parameters, learningRate: 0.01f, weightDecay: 0.5f);
        adam.Step();
        adamW.Step();
        Assert.NotEqual(coupled.Weight.Value.Span.ToArray(), decoupled.Weight.Value.Span.ToArray());
    }

    [Fact]
    public void Constructor_DefaultsToWeightDecayOfOneHundredth()
    {
        using var fixture = new OptimizerFixture(103);
        using var adamW = new AdamW(fixture.Parameters);
        Assert.Equal(0.01f, adamW.WeightDecay);
    }

    [Fact]
    public void Constructor_ThrowsForNegativeWeightDecay()
    {
        using var fixture = new OptimizerFixture(104);
        Assert.Throws<ArgumentOutOfRangeException>("weightDecay", () => new AdamW(fixture.Parameters, weightDecay: -0.1f));
    }
}
