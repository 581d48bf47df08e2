using Hypernetworks.MLNet.AutoML;
using Xunit.Abstractions;

namespace Hypernetworks.MLNet.Tests.AutoML;

public class AshaEarlyStoppingTests
{
    private readonly ITestOutputHelper output;

    public AshaEarlyStoppingTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Rungs_SitAtMinEpochsTimesPowersOfEta()
    {
        var asha = new AshaEarlyStopping(minEpochs: 2, reductionFactor: 3, maxEpochs: 60);

        Assert.Equal([2, 6, 18, 54], asha.Rungs);
    }

    [Fact]
    public void ShouldStop_StopsATrialWorseThanTheRungsBestThird()
    {
        var asha = new AshaEarlyStopping(minEpochs: 1, reductionFactor: 3, minTrialsPerRung: 3);
        Assert.False(asha.ShouldStop(1, 1, 1.0));
        Assert.False(asha.ShouldStop(2, 1, 2.0));
        Assert.False(asha.ShouldStop(3, 1, 3.0));

        // Others recorded 1, 2, 3: the 1/3 quantile is 1.67; 2.5 is above it.
        Assert.True(asha.ShouldStop(4, 1, 2.5));

        // Others now 1, 2, 2.5, 3: the 1/3 quantile is 2; 1.5 is below it.
        Assert.False(asha.ShouldStop(5, 1, 1.5));
    }

    [Fact]
    public void ShouldStop_IgnoresEpochsBetweenRungs()
    {
        var asha = new AshaEarlyStopping(minEpochs: 1, reductionFactor: 3);
        asha.ShouldStop(1, 2, 0.0);

        Assert.False(asha.ShouldStop(2, 2, 100.0));
    }

    [Fact]
    public void ShouldStop_WaitsForMinTrialsPerRung()
    {
        var asha = new AshaEarlyStopping(minEpochs: 1, reductionFactor: 2, minTrialsPerRung: 2);
        asha.ShouldStop(1, 1, 0.0);

        Assert.False(asha.ShouldStop(2, 1, 100.0));
        Assert.True(asha.ShouldStop(3, 1, 100.0));
    }

    [Fact]
    public void ShouldStop_TreatsNaNAsWorst()
    {
        var asha = new AshaEarlyStopping(minEpochs: 1, minTrialsPerRung: 1);
        asha.ShouldStop(1, 1, 5.0);

        Assert.True(asha.ShouldStop(2, 1, double.NaN));
    }

    [Fact]
    public void ShouldStop_WithDefaults_JudgesFromEpochThreeOnceThreeOtherTrialsReachedTheRung()
    {
        var asha = new AshaEarlyStopping();
        Assert.Equal(3, asha.Rungs[0]);
        asha.ShouldStop(1, 3, 0.1);
        asha.ShouldStop(2, 3, 0.2);

        Assert.False(asha.ShouldStop(3, 3, 9.0));
        Assert.False(asha.ShouldStop(4, 1, 9.0));
        Assert.True(asha.ShouldStop(5, 3, 9.0));
    }

    [Fact]
    public void Record_FeedsStoredCurvesIntoTheRungs()
    {
        var asha = new AshaEarlyStopping(minEpochs: 1, reductionFactor: 3, minTrialsPerRung: 1);
        asha.Record(1, [(1, 0.5), (2, 0.4), (3, 0.3)]);

        Assert.True(asha.ShouldStop(2, 3, 0.9));
    }

    [Fact]
    public void Constructor_ThrowsForReductionFactorNotAboveOne()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AshaEarlyStopping(reductionFactor: 1));
    }

    [Fact]
    public async Task Experiment_StopsPoorTrialsEarlyAndKeepsTheBest()
    {
        // Each trial's curve falls towards a floor set by its parameter; trials with a high floor are poor.
        const int Epochs = 27;
        var space = new SearchSpace { { "floor", new UniformDoubleOption(0, 10) } };
        int epochsRun = 0;
        var runner = new FunctionTrialRunner((settings, context, ct) =>
        {
            double floor = settings.Parameter["floor"].AsType<double>();
            double metric = double.NaN;
            for (int epoch = 1; epoch <= Epochs; epoch++)
            {
                Interlocked.Increment(ref epochsRun);
                metric = floor + (5.0 / epoch);
                if (!context.ReportIntermediate(epoch, metric))
                {
                    break;
                }
            }

            return Task.FromResult(metric);
        });
        var monitor = new RecordingMonitor();

        TrialResult best = await new AutoMLExperiment()
            .SetSearchSpace(space)
            .SetTrialRunner(runner)
            .SetRandomSearchTuner()
            .SetSeed(2)
            .SetMonitor(monitor)
            .SetMaxModelToExplore(30)
            .RunAsync();

        TrialResult[] stopped = monitor.Completed.Where(r => r.IsEarlyStopped).ToArray();
        output.WriteLine($"ASHA: {epochsRun} of {30 * Epochs} epochs run, {stopped.Length} of 30 trials stopped early");
        TrialResult[] finished = monitor.Completed.Where(r => !r.IsEarlyStopped).ToArray();
        Assert.NotEmpty(stopped);
        Assert.All(stopped, r => Assert.True(r.IntermediateMetrics.Count < Epochs));
        Assert.True(epochsRun < 30 * Epochs / 2, $"{epochsRun} epochs run");
        double bestFloor = monitor.Completed.Min(r => r.TrialSettings.Parameter["floor"].AsType<double>());
        Assert.Equal(bestFloor, best.TrialSettings.Parameter["floor"].AsType<double>());
        Assert.False(best.IsEarlyStopped);
        Assert.NotEmpty(finished);
    }

    [Fact]
    public async Task Experiment_RunsEveryEpochWhenEarlyStoppingIsOff()
    {
        var space = new SearchSpace { { "floor", new UniformDoubleOption(0, 10) } };
        int epochsRun = 0;
        var runner = new FunctionTrialRunner((settings, context, ct) =>
        {
            double metric = 0;
            for (int epoch = 1; epoch <= 9; epoch++)
            {
                Interlocked.Increment(ref epochsRun);
                metric = settings.Parameter["floor"].AsType<double>() + (1.0 / epoch);
                if (!context.ReportIntermediate(epoch, metric))
                {
                    break;
                }
            }

            return Task.FromResult(metric);
        });

        await new AutoMLExperiment()
            .SetSearchSpace(space)
            .SetTrialRunner(runner)
            .SetRandomSearchTuner()
            .SetEarlyStopping(false)
            .SetMaxModelToExplore(10)
            .RunAsync();

        Assert.Equal(90, epochsRun);
    }
}
