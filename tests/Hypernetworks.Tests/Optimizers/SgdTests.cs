using Hypernetworks.Optimizers;

namespace Hypernetworks.Tests.Optimizers;

public class SgdTests
{
    private const int Steps = 3;

    [Fact]
    public void Step_WithoutMomentum_MovesAgainstTheGradient()
    {
        AssertMatchesReference(learningRate: 0.1f, momentum: 0f, weightDecay: 0f, nesterov: false);
    }

    [Fact]
    public void Step_WithMomentum_MatchesFormula()
    {
        AssertMatchesReference(learningRate: 0.1f, momentum: 0.9f, weightDecay: 0f, nesterov: false);
    }

    [Fact]
    public void Step_WithNesterovMomentum_MatchesFormula()
    {
        AssertMatchesReference(learningRate: 0.1f, momentum: 0.9f, weightDecay: 0f, nesterov: true);
    }

    [Fact]
    public void Step_WithWeightDecay_AddsL2TermToTheGradient()
    {
        AssertMatchesReference(learningRate: 0.1f, momentum: 0f, weightDecay: 0.05f, nesterov: false);
    }

    [Fact]
    public void Step_WithMomentumAndWeightDecay_MatchesFormula()
    {
        AssertMatchesReference(learningRate: 0.05f, momentum: 0.5f, weightDecay: 0.1f, nesterov: true);
    }

    [Fact]
    public void Step_FirstStep_IsPlainGradientDescentEvenWithMomentum()
    {
        using var fixture = new OptimizerFixture(81);
        double[][] p = fixture.ValuesAsDouble();
        double[][] g = fixture.NextGradients();
        using var sgd = new Sgd(fixture.Parameters, 0.5f, momentum: 0.9f);
        sgd.Step();
        fixture.AssertValues(p.Select((values, i) => values.Select((v, j) => v - (0.5 * g[i][j])).ToArray()).ToArray());
    }

    [Fact]
    public void Constructor_ThrowsForNesterovWithoutMomentum()
    {
        using var fixture = new OptimizerFixture(82);
        Assert.Throws<ArgumentException>("nesterov", () => new Sgd(fixture.Parameters, 0.1f, nesterov: true));
    }

    [Fact]
    public void Constructor_ThrowsForNegativeMomentum()
    {
        using var fixture = new OptimizerFixture(83);
        Assert.Throws<ArgumentOutOfRangeException>("momentum", () => new Sgd(fixture.Parameters, 0.1f, momentum: -0.1f));
    }

    [Fact]
    public void State_HasOneMomentumBufferPerParameterOnlyWithMomentum()
    {
        using var fixture = new OptimizerFixture(84);
        using var plain = new Sgd(fixture.Parameters, 0.1f);
        using var heavy = new Sgd(fixture.Parameters, 0.1f, momentum: 0.9f);
        Assert.Empty(plain.State);
        Assert.Equal(["w.momentum_buffer", "b.momentum_buffer"], heavy.StateNames);
    }

    // torch.optim.SGD's documented algorithm (dampening 0), in float64.
    private static void AssertMatchesReference(float learningRate, float momentum, float weightDecay, bool nesterov)
    {
        using var fixture = new OptimizerFixture(80);
        double[][] p = fixture.ValuesAsDouble();
        double[][] buffers = p.Select(v => new double[v.Length]).ToArray();
        using var sgd = new Sgd(fixture.Parameters, learningRate, momentum, weightDecay, nesterov);
        for (int t = 1; t <= Steps; t++)
        {
            double[][] g = fixture.NextGradients();
            sgd.Step();
            for (int i = 0; i < p.Length; i++)
            {
                for (int j = 0; j < p[i].Length; j++)
                {
                    double d = g[i][j] + ((double)weightDecay * p[i][j]);
                    if (momentum != 0f)
                    {
                        buffers[i][j] = t == 1 ? d : ((double)momentum * buffers[i][j]) + d;
                        d = nesterov ? d + ((double)momentum * buffers[i][j]) : buffers[i][j];
                    }

                    p[i][j] -= (double)learningRate * d;
                }
            }

            fixture.AssertValues(p);
        }
    }
}
