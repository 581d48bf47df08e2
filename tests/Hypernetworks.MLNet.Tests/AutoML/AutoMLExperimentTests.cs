using System.Diagnostics;
using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.MLNet.Tests.AutoML;

public class AutoMLExperimentTests
{
    private static AutoMLExperiment Experiment(ITrialRunner runner, int dimensions = 2) =>
        new AutoMLExperiment().SetSearchSpace(Objectives.Box(dimensions)).SetTrialRunner(runner).SetRandomSearchTuner();

    [Fact]
    public async Task RunAsync_RunsExactlyMaxModelToExploreTrials()
    {
        int runs = 0;
        var store = TrialStore.InMemory();

        await Experiment(new FunctionTrialRunner(p => Interlocked.Increment(ref runs))).SetTrialStore(store).SetMaxModelToExplore(7).RunAsync();

        Assert.Equal(7, runs);
        IReadOnlyList<TrialRecord> trials = await store.LoadTrialsAsync(default);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], trials.Select(t => t.TrialId));
        Assert.All(trials, t => Assert.Equal(TrialStatus.Completed, t.Status));
    }

    [Fact]
    public async Task RunAsync_ReturnsTheTrialWithTheSmallestMetric()
    {
        var monitor = new RecordingMonitor();

        TrialResult best = await Experiment(new FunctionTrialRunner(Objectives.ShiftedSphere)).SetMonitor(monitor).SetMaxModelToExplore(20).RunAsync();

        Assert.Equal(monitor.Completed.Min(r => r.Metric), best.Metric);
        Assert.Equal(best.TrialSettings.TrialId, Assert.IsType<TrialIdModel>(best.Model).TrialId);
        Assert.Equal(best.Metric, best.Loss);
    }

    [Fact]
    public async Task RunAsync_ReturnsTheLargestMetricWhenMaximizing()
    {
        var monitor = new RecordingMonitor();

        TrialResult best = await Experiment(new FunctionTrialRunner(Objectives.ShiftedSphere))
            .SetMetricDirection(MetricDirection.Maximize).SetMonitor(monitor).SetMaxModelToExplore(20).RunAsync();

        Assert.Equal(monitor.Completed.Max(r => r.Metric), best.Metric);
        Assert.Equal(-best.Metric, best.Loss);
    }

    [Fact]
    public async Task RunAsync_ReportsBestTrialsInImprovingOrder()
    {
        var monitor = new RecordingMonitor();

        await Experiment(new FunctionTrialRunner(Objectives.ShiftedSphere)).SetMonitor(monitor).SetMaxModelToExplore(30).RunAsync();

        double[] bests = monitor.Best.Select(r => r.Metric).ToArray();
        Assert.NotEmpty(bests);
        Assert.Equal(bests.OrderByDescending(m => m), bests);
        Assert.Equal(30, monitor.Running.Count);
    }

    [Fact]
    public async Task RunAsync_StopsStartingTrialsWhenTheTimeBudgetRunsOut()
    {
        var watch = Stopwatch.StartNew();
        int started = 0;
        var runner = new FunctionTrialRunner(async (settings, context, ct) =>
        {
            Interlocked.Increment(ref started);
            await Task.Delay(100, ct);
            return settings.TrialId;
        });

        TrialResult best = await Experiment(runner).SetTrainingTime(TimeSpan.FromMilliseconds(700)).RunAsync();

        Assert.InRange(watch.Elapsed.TotalSeconds, 0.6, 5);
        Assert.InRange(started, 2, 8);
        Assert.Equal(1, best.Metric);
    }

    [Fact]
    public async Task RunAsync_GivesBackATrialCancelledByTheBudget()
    {
        var store = TrialStore.InMemory();
        var runner = new FunctionTrialRunner(async (settings, context, ct) =>
        {
            await Task.Delay(settings.TrialId == 1 ? 10 : Timeout.Infinite, ct);
            return settings.TrialId;
        });

        // The budget leaves trial 1 (10 ms) ample time even on a loaded machine; trial 2 runs until the budget ends.
        await Experiment(runner).SetTrialStore(store).SetTrainingTime(TimeSpan.FromSeconds(2)).RunAsync();

        IReadOnlyList<TrialRecord> trials = await store.LoadTrialsAsync(default);
        Assert.Equal([TrialStatus.Completed, TrialStatus.Pending], trials.Select(t => t.Status));
    }

    [Fact]
    public async Task RunAsync_ThrowsTimeoutWhenNoTrialFinishesInTime()
    {
        var runner = new FunctionTrialRunner(async (settings, context, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return 0;
        });

        await Assert.ThrowsAsync<TimeoutException>(() => Experiment(runner).SetTrainingTime(TimeSpan.FromMilliseconds(200)).RunAsync());
    }

    [Fact]
    public async Task RunAsync_RecordsFailedTrialsAndGoesOn()
    {
        var monitor = new RecordingMonitor();
        var store = TrialStore.InMemory();
        var runner = new FunctionTrialRunner(p =>
        {
            double metric = Objectives.ShiftedSphere(p);
            return p["x0"].AsType<double>() > 0 ? throw new TrialFailedException("x0 too large") : metric;
        });

        TrialResult best = await Experiment(runner).SetMonitor(monitor).SetTrialStore(store).SetMaxModelToExplore(20).RunAsync();

        IReadOnlyList<TrialRecord> trials = await store.LoadTrialsAsync(default);
        Assert.Equal(20, trials.Count);
        Assert.NotEmpty(monitor.Failed);
        Assert.All(monitor.Failed, f => Assert.IsType<TrialFailedException>(f.Error));
        Assert.Equal(monitor.Failed.Count, trials.Count(t => t.Status == TrialStatus.Failed));
        Assert.All(trials.Where(t => t.Status == TrialStatus.Failed), t => Assert.Contains("x0 too large", t.Error, StringComparison.Ordinal));
        Assert.True(best.TrialSettings.Parameter["x0"].AsType<double>() <= 0);
    }

    [Fact]
    public async Task RunAsync_CountsANaNMetricAsAFailure()
    {
        var monitor = new RecordingMonitor();
        var runner = new FunctionTrialRunner(p => p["x1"].AsType<double>() > 0 ? double.NaN : 1);

        TrialResult best = await Experiment(runner).SetMonitor(monitor).SetMaxModelToExplore(20).RunAsync();

        Assert.NotEmpty(monitor.Failed);
        Assert.Equal(1, best.Metric);
        Assert.All(monitor.Failed, f => Assert.Contains("NaN", f.Error!.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_RaisesTheFirstErrorWhenEveryTrialFails()
    {
        var runner = new FunctionTrialRunner((settings, _, _) => throw new TrialFailedException($"trial {settings.TrialId} broke"));

        TrialFailedException error = await Assert.ThrowsAsync<TrialFailedException>(() => Experiment(runner).SetMaxModelToExplore(5).RunAsync());

        Assert.Equal("trial 1 broke", error.Message);
    }

    [Fact]
    public async Task RunAsync_RunsTrialsInParallelWithoutRunningOneTwice()
    {
        int current = 0;
        int peak = 0;
        var ids = new System.Collections.Concurrent.ConcurrentBag<int>();
        int threads = 0;
        var runner = new FunctionTrialRunner(async (settings, context, ct) =>
        {
            int now = Interlocked.Increment(ref current);
            InterlockedMax(ref peak, now);
            threads = context.MaxDegreeOfParallelism;
            ids.Add(settings.TrialId);
            await Task.Delay(30, ct);
            Interlocked.Decrement(ref current);
            return settings.TrialId;
        });

        await Experiment(runner).SetParallelTrials(3).SetMaxModelToExplore(12).RunAsync();

        Assert.Equal(3, peak);
        Assert.Equal(Enumerable.Range(1, 12), ids.Order());
        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 3), threads);
    }

    [Fact]
    public async Task RunAsync_ThrowsOperationCanceledWhenCancelledBeforeAnyTrialFinished()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var runner = new FunctionTrialRunner(async (settings, context, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return 0;
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Experiment(runner).RunAsync(cancellation.Token));
    }

    [Fact]
    public async Task RunAsync_ThrowsWithoutABudget()
    {
        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Experiment(new FunctionTrialRunner(Objectives.ShiftedSphere)).RunAsync());

        Assert.Contains("SetMaxModelToExplore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ThrowsWithoutASearchSpace()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => new AutoMLExperiment().SetTrialRunner(new FunctionTrialRunner(Objectives.ShiftedSphere)).SetMaxModelToExplore(1).RunAsync());
    }

    [Fact]
    public async Task RunAsync_StoresTheLearningCurveOfEachTrial()
    {
        var store = TrialStore.InMemory();
        var runner = new FunctionTrialRunner((settings, context, ct) =>
        {
            for (int epoch = 1; epoch <= 3; epoch++)
            {
                context.ReportIntermediate(epoch, 10.0 / epoch);
            }

            return Task.FromResult(10.0 / 3);
        });

        await Experiment(runner).SetTrialStore(store).SetEarlyStopping(false).SetMaxModelToExplore(2).RunAsync();

        IReadOnlyList<TrialRecord> trials = await store.LoadTrialsAsync(default);
        Assert.All(trials, t => Assert.Equal([new(1, 10.0), new(2, 5.0), new(3, 10.0 / 3)], t.Curve));
    }

    [Fact]
    public async Task RunAsync_FirstTrialRunsTheSpacesDefaultBeforeTheTunerProposes()
    {
        var monitor = new RecordingMonitor();

        await Experiment(new FunctionTrialRunner(Objectives.ShiftedSphere)).SetMonitor(monitor).SetMaxModelToExplore(3).RunAsync();

        TrialResult first = monitor.Completed.Single(r => r.TrialSettings.TrialId == 1);
        Assert.Equal(0, first.TrialSettings.Parameter["x0"].AsType<double>());
        Assert.Equal(0, first.TrialSettings.Parameter["x1"].AsType<double>());
    }

    [Fact]
    public async Task RunAsync_FirstTrialRunsTheGivenFirstParameterEvenOutsideTheRanges()
    {
        var store = TrialStore.InMemory();
        Parameter start = Parameter.CreateNestedParameter();
        start["x0"] = Parameter.FromDouble(7);
        start["x1"] = Parameter.FromDouble(2);

        await new AutoMLExperiment().SetSearchSpace(Objectives.Box(2), start).SetTrialRunner(new FunctionTrialRunner(Objectives.ShiftedSphere))
            .SetCostFrugalTuner().SetTrialStore(store).SetMaxModelToExplore(4).RunAsync();

        IReadOnlyList<TrialRecord> trials = await store.LoadTrialsAsync(default);
        Assert.Equal(start.ToJson(), trials.Single(t => t.TrialId == 1).ParameterJson);
        Assert.Equal(64, trials.Single(t => t.TrialId == 1).Metric);
        Assert.Equal(4, trials.Count(t => t.Status == TrialStatus.Completed));
    }

    [Fact]
    public void SetSearchSpace_ThrowsForAFirstParameterMissingAnOption()
    {
        Parameter start = Parameter.CreateNestedParameter();
        start["x0"] = Parameter.FromDouble(1);

        Assert.Throws<ArgumentException>(() => new AutoMLExperiment().SetSearchSpace(Objectives.Box(2), start));
    }

    [Fact]
    public async Task RunAsync_ReturnsACompletedTrialOverABetterOneStoppedEarly()
    {
        var monitor = new RecordingMonitor();

        TrialResult best = await Experiment(new EarlyStoppedTrialRunner()).SetMonitor(monitor).SetMaxModelToExplore(3).RunAsync();

        Assert.Equal(1, best.TrialSettings.TrialId);
        Assert.Equal(1, Assert.IsType<TrialIdModel>(best.Model).TrialId);
        Assert.DoesNotContain(monitor.Best, r => r.IsEarlyStopped);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
