using Hypernetworks.Optimizers;
using Hypernetworks.Tensors;

namespace Hypernetworks.Tests.Optimizers;

public class OptimizerTests
{
    [Fact]
    public void Step_DoesNotZeroGradients()
    {
        using var fixture = new OptimizerFixture(111);
        fixture.NextGradients();
        float[] before = fixture.Weight.Gradient.Span.ToArray();
        using var adam = new Adam(fixture.Parameters);
        adam.Step();
        Assert.Equal(before, fixture.Weight.Gradient.Span.ToArray());
    }

    [Fact]
    public void ZeroGradients_ClearsEveryGradient()
    {
        using var fixture = new OptimizerFixture(112);
        fixture.NextGradients();
        using var sgd = new Sgd(fixture.Parameters, 0.1f);
        sgd.ZeroGradients();
        Assert.All(fixture.Parameters, p => Assert.All(p.Gradient.Span.ToArray(), g => Assert.Equal(0f, g)));
    }

    [Fact]
    public void Step_CountsSteps()
    {
        using var fixture = new OptimizerFixture(113);
        using var adam = new Adam(fixture.Parameters);
        adam.Step();
        adam.Step();
        Assert.Equal(2, adam.StepCount);
    }

    [Fact]
    public void Constructor_ThrowsNamingADuplicateParameter()
    {
        using var fixture = new OptimizerFixture(114);
        var error = Assert.Throws<ArgumentException>("parameters", () => new Adam([fixture.Weight, fixture.Bias, fixture.Weight]));
        Assert.Contains("'w'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LearningRate_ThrowsForNegativeValue()
    {
        using var fixture = new OptimizerFixture(115);
        using var sgd = new Sgd(fixture.Parameters, 0.1f);
        Assert.Throws<ArgumentOutOfRangeException>("value", () => sgd.LearningRate = -1f);
    }

    [Fact]
    public void Step_ThrowsAfterDispose()
    {
        using var fixture = new OptimizerFixture(116);
        var adam = new Adam(fixture.Parameters);
        adam.Dispose();
        Assert.Throws<ObjectDisposedException>(adam.Step);
    }

    [Fact]
    public void SameStartAndGradients_GiveBitwiseSameValues()
    {
        float[] first = RunAdamW(5);
        float[] second = RunAdamW(5);
        Assert.Equal(first.Select(BitConverter.SingleToInt32Bits), second.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void RestoredState_ContinuesTrainingBitwise()
    {
        using var straight = new OptimizerFixture(117);
        using var resumed = new OptimizerFixture(117);
        using var uninterrupted = new Adam(straight.Parameters, 0.01f);
        using var before = new Adam(resumed.Parameters, 0.01f);
        for (int t = 0; t < 3; t++)
        {
            straight.NextGradients();
            resumed.NextGradients();
            uninterrupted.Step();
            before.Step();
        }

        using var after = new Adam(resumed.Parameters, 0.01f);
        for (int i = 0; i < before.State.Count; i++)
        {
            before.State[i].Span.CopyTo(after.State[i].Span);
        }

        after.RestoreStepCount(before.StepCount);
        for (int t = 0; t < 2; t++)
        {
            straight.NextGradients();
            resumed.NextGradients();
            uninterrupted.Step();
            after.Step();
        }

        Assert.Equal(straight.Weight.Value.Span.ToArray(), resumed.Weight.Value.Span.ToArray());
        Assert.Equal(straight.Bias.Value.Span.ToArray(), resumed.Bias.Value.Span.ToArray());
    }

    private static float[] RunAdamW(int steps)
    {
        using var fixture = new OptimizerFixture(118);
        using var adamW = new AdamW(fixture.Parameters, 0.01f);
        for (int t = 0; t < steps; t++)
        {
            fixture.NextGradients();
            adamW.Step();
        }

        return fixture.Weight.Value.Span.ToArray();
    }
}
