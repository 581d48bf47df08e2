using Hypernetworks.Optimizers;

namespace Hypernetworks.Tests.Optimizers;

public class AdamTests
{
    [Fact]
    public void Step_FirstStep_MovesEachValueByLearningRateAgainstTheGradientSign()
    {
        using var fixture = new OptimizerFixture(91);
        double[][] p = fixture.ValuesAsDouble();
        double[][] g = fixture.NextGradients();
        using var adam = new Adam(fixture.Parameters, learningRate: 0.01f);
        adam.Step();

        // m̂ = g and v̂ = g², so the step is lr·g/(|g| + ε) ≈ lr·sign(g).
        fixture.AssertValues(p.Select((values, i) => values.Select((v, j) => v - (0.01 * Math.Sign(g[i][j]))).ToArray()).ToArray(), tolerance: 1e-6);
    }

    [Fact]
    public void Step_ThreeSteps_MatchFormula()
    {
        AssertMatchesReference(weightDecay: 0f);
    }

    [Fact]
    public void Step_WithWeightDecay_AddsL2TermBeforeTheMoments()
    {
        AssertMatchesReference(weightDecay: 0.1f);
    }

    [Fact]
    public void Step_UsesTheLearningRateSetBeforeIt()
    {
        using var fixture = new OptimizerFixture(92);
        var reference = new AdamReference(fixture.ValuesAsDouble(), 0.01, 0.9, 0.999, 1e-8, 0, 0);
        using var adam = new Adam(fixture.Parameters, learningRate: 0.01f);
        reference.Step(fixture.NextGradients());
        adam.Step();
        reference.LearningRate = 0.003;
        adam.LearningRate = 0.003f;
        reference.Step(fixture.NextGradients());
        adam.Step();
        fixture.AssertValues(reference.Values);
    }

    [Fact]
    public void Constructor_ThrowsForBeta1OfOne()
    {
        using var fixture = new OptimizerFixture(93);
        Assert.Throws<ArgumentOutOfRangeException>("beta1", () => new Adam(fixture.Parameters, beta1: 1f));
    }

    [Fact]
    public void Constructor_ThrowsForNegativeEpsilon()
    {
        using var fixture = new OptimizerFixture(94);
        Assert.Throws<ArgumentOutOfRangeException>("epsilon", () => new Adam(fixture.Parameters, epsilon: -1f));
    }

    [Fact]
    public void State_IsBothMomentsOfEachParameterInOrder()
    {
        using var fixture = new OptimizerFixture(95);
        using var adam = new Adam(fixture.Parameters);
        Assert.Equal(["w.exp_avg", "w.exp_avg_sq", "b.exp_avg", "b.exp_avg_sq"], adam.StateNames);
        Assert.Equal([45, 45, 3, 3], adam.State.Select(s => s.Length));
    }

    private static void AssertMatchesReference(float weightDecay)
    {
        using var fixture = new OptimizerFixture(90);
        var reference = new AdamReference(fixture.ValuesAsDouble(), 0.01, 0.8, 0.99, 1e-6, weightDecay, 0);
        using var adam = new Adam(fixture.Parameters, learningRate: 0.01f, beta1: 0.8f, beta2: 0.99f, epsilon: 1e-6f, weightDecay: weightDecay);
        for (int t = 0; t < 3; t++)
        {
            reference.Step(fixture.NextGradients());
            adam.Step();
            fixture.AssertValues(reference.Values);
        }
    }
}
