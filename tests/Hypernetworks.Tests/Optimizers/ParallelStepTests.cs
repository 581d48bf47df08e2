using Hypernetworks.Optimizers;
using Hypernetworks.Tensors;
using Hypernetworks.Tests.Tensors;

namespace Hypernetworks.Tests.Optimizers;

/// <summary>
/// Optimizers update large parameters in fixed ranges on several threads: a 300 × 350 weight is four ranges, the
/// last with a scalar tail. The result must match the float64 formula and not change a bit with the thread count.
/// </summary>
[Collection(GemmGlobalStateCollection.Name)]
public class ParallelStepTests
{
    private const int Rows = 300;
    private const int Columns = 350;

    public static TheoryData<string> Optimizers() => ["adam", "adamw", "sgd-momentum"];

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Step_OnOneAndTwoThreads_GivesBitwiseEqualValues(string kind)
    {
        float[] single = ThreeSteps(kind, threads: 1);
        long parallelRuns = WorkerPool.ParallelRuns;
        float[] dual = ThreeSteps(kind, threads: 2);
        if (Environment.ProcessorCount > 1)
        {
            Assert.True(WorkerPool.ParallelRuns > parallelRuns, "The two-thread steps never used a second thread.");
        }

        Assert.True(single.AsSpan().SequenceEqual(dual), $"{kind}: two threads gave different bits.");
    }

    [Fact]
    public void AdamStep_OverSeveralRanges_MatchesFormula()
    {
        using ThreadLimitScope scope = Engine.LimitThreads(2);
        using var fixture = new OptimizerFixture(96, Rows, Columns);
        var reference = new AdamReference(fixture.ValuesAsDouble(), 0.01, 0.9, 0.999, 1e-8, 0.01, 0);
        using var adam = new Adam(fixture.Parameters, learningRate: 0.01f, weightDecay: 0.01f);
        for (int t = 0; t < 3; t++)
        {
            reference.Step(fixture.NextGradients());
            adam.Step();
            fixture.AssertValues(reference.Values);
        }
    }

    [Fact]
    public void ZeroGradients_MakesEveryGradientOfALargeParameterReadAsZero()
    {
        using ThreadLimitScope scope = Engine.LimitThreads(2);
        using var fixture = new OptimizerFixture(97, Rows, Columns);
        fixture.NextGradients();
        using var adam = new Adam(fixture.Parameters);
        adam.ZeroGradients();
        Assert.All(fixture.Parameters, p => Assert.True(p.Gradient.Span.IndexOfAnyExcept(0f) < 0, $"{p.Name} has a nonzero gradient left."));
    }

    private static float[] ThreeSteps(string kind, int threads)
    {
        using ThreadLimitScope scope = Engine.LimitThreads(threads);
        using var fixture = new OptimizerFixture(98, Rows, Columns);
        using Optimizer optimizer = kind switch
        {
            "adam" => new Adam(fixture.Parameters, learningRate: 0.01f, weightDecay: 0.01f),
            "adamw" => new AdamW(fixture.Parameters, learningRate: 0.01f, weightDecay: 0.01f),
            _ => new Sgd(fixture.Parameters, learningRate: 0.01f, momentum: 0.9f, weightDecay: 0.01f, nesterov: true),
        };
        for (int t = 0; t < 3; t++)
        {
            fixture.NextGradients();
            optimizer.Step();
        }

        return [.. fixture.Parameters.SelectMany(p => p.Value.Span.ToArray())];
    }
}
