using System.Collections.Concurrent;
using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.MLNet.Tests.AutoML;

public sealed class SqliteTrialStoreTests : IDisposable
{
    private readonly TemporaryDatabaseFile file = new();

    public void Dispose() => file.Dispose();

    [Fact]
    public Task ConcurrentClaims_GetDistinctTrials() => TrialStoreContract.ConcurrentClaimsGetDistinctTrials(Store(30_000));

    [Fact]
    public Task Complete_StoresTheOutcome() => TrialStoreContract.CompleteStoresTheOutcome(Store());

    [Fact]
    public Task StaleTrial_IsReclaimedAndItsOldWorkerRefused() => TrialStoreContract.StaleTrialIsReclaimedAndItsOldWorkerRefused(Store(300));

    [Fact]
    public Task FreshTrialOfAnotherWorker_IsNotReclaimed() => TrialStoreContract.FreshTrialOfAnotherWorkerIsNotReclaimed(Store(30_000));

    [Fact]
    public Task SpentBudgetWithNothingRunning_IsDone() => TrialStoreContract.SpentBudgetWithNothingRunningIsDone(Store());

    [Fact]
    public Task ReleasedTrial_IsClaimedNext() => TrialStoreContract.ReleasedTrialIsClaimedNext(Store());

    [Fact]
    public async Task Resume_AfterAnInterruptedSweep_RunsOnlyWhatWasLeft()
    {
        using var interrupt = new CancellationTokenSource();
        var firstRuns = new ConcurrentBag<int>();
        var first = new FunctionTrialRunner(async (settings, context, ct) =>
        {
            firstRuns.Add(settings.TrialId);
            if (settings.TrialId == 4)
            {
                await interrupt.CancelAsync();
                await Task.Delay(Timeout.Infinite, ct);
            }

            return Objectives.ShiftedSphere(settings.Parameter);
        });
        await Sweep(first, Store()).RunAsync(interrupt.Token);
        IReadOnlyList<TrialRecord> before = await Store().LoadTrialsAsync(default);

        var secondRuns = new ConcurrentBag<int>();
        var second = new FunctionTrialRunner((settings, context, ct) =>
        {
            secondRuns.Add(settings.TrialId);
            return Task.FromResult(Objectives.ShiftedSphere(settings.Parameter));
        });
        TrialResult best = await Sweep(second, Store()).RunAsync();

        IReadOnlyList<TrialRecord> after = await Store().LoadTrialsAsync(default);
        Assert.Equal([1, 2, 3, 4], firstRuns.Order());
        Assert.Equal(TrialStatus.Pending, before[3].Status);
        Assert.Equal([4, 5, 6, 7, 8], secondRuns.Order());
        Assert.Equal(Enumerable.Range(1, 8), after.Select(t => t.TrialId));
        Assert.All(after, t => Assert.Equal(TrialStatus.Completed, t.Status));
        Assert.Equal(before.Take(3).Select(Finished), after.Take(3).Select(Finished));
        Assert.Equal(after.Min(t => t.Metric), best.Metric);
    }

    [Fact]
    public async Task Resume_ReclaimsTheTrialOfAWorkerThatDied()
    {
        // A trial claimed by a worker that then died: running, with no heartbeat ever after.
        await Store().ClaimAsync("died", 3, (trials, id) => new TrialSettings { Parameter = Box().SampleFromFeatureSpace([0.1, 0.2]) }, default);
        var runs = new ConcurrentBag<int>();
        var runner = new FunctionTrialRunner((settings, context, ct) =>
        {
            runs.Add(settings.TrialId);
            return Task.FromResult(Objectives.ShiftedSphere(settings.Parameter));
        });

        await Sweep(runner, Store()).SetMaxModelToExplore(3).RunAsync();

        IReadOnlyList<TrialRecord> trials = await Store().LoadTrialsAsync(default);
        Assert.Equal([1, 2, 3], runs.Order());
        Assert.All(trials, t => Assert.Equal(TrialStatus.Completed, t.Status));
        Assert.Equal(2, trials[0].Attempts);
    }

    [Fact]
    public async Task Resume_AfterAWorkerProcessIsKilled_LosesNothing()
    {
        const int Trials = 10;
        using (WorkerProcess worker = WorkerProcess.Start($"sqlite:{file.Path}", "kill", "killed", Trials, epochs: 4, epochMilliseconds: 300, heartbeatTimeoutMilliseconds: 2000, seed: 1))
        {
            // Kill it in the middle of a trial once a few trials have finished; trials last 1.2 s so that the kill
            // still lands inside the trial the poll saw start when the machine stalls the test.
            await worker.WaitUntilAsync(w => w.Ids("DONE").Length >= 3 && w.Lines[^1].StartsWith("START", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            worker.Kill();
        }

        IReadOnlyList<TrialRecord> before = await Store().LoadTrialsAsync(default);
        TrialRecord killed = Assert.Single(before, t => t.Status == TrialStatus.Running);
        var runs = new ConcurrentBag<int>();
        var runner = new FunctionTrialRunner((settings, context, ct) =>
        {
            runs.Add(settings.TrialId);
            return Task.FromResult(Objectives.ShiftedSphere(settings.Parameter));
        });

        await Sweep(runner, TrialStore.Sqlite(file.Path, TimeSpan.FromSeconds(2))).SetMaxModelToExplore(Trials).RunAsync();

        IReadOnlyList<TrialRecord> after = await Store().LoadTrialsAsync(default);
        Assert.Equal(Enumerable.Range(1, Trials), after.Select(t => t.TrialId));
        Assert.All(after, t => Assert.Equal(TrialStatus.Completed, t.Status));
        Assert.Equal(Enumerable.Range(killed.TrialId, Trials - killed.TrialId + 1), runs.Order());
        Assert.Equal(2, after[killed.TrialId - 1].Attempts);
        Assert.Equal(before.Where(t => t.IsFinished).Select(Finished), after.Take(killed.TrialId - 1).Select(Finished));
    }

    /// <summary>What a finished trial must keep through a resume.</summary>
    private static string Finished(TrialRecord t) =>
        $"{t.TrialId} {t.Status} {t.ParameterJson} {t.Metric} {t.WorkerId} {t.Attempts} {t.EndedAtUtc:O} {string.Join(',', t.Curve)}";

    private static SearchSpace Box() => new() { { "x0", new UniformDoubleOption(-5, 5) }, { "x1", new UniformDoubleOption(-5, 5) } };

    private static AutoMLExperiment Sweep(ITrialRunner runner, ITrialStore store) =>
        new AutoMLExperiment().SetSearchSpace(Box()).SetTrialRunner(runner).SetRandomSearchTuner().SetTrialStore(store).SetMaxModelToExplore(8);

    private ITrialStore Store(int heartbeatTimeoutMilliseconds = 300) => TrialStore.Sqlite(file.Path, TimeSpan.FromMilliseconds(heartbeatTimeoutMilliseconds));
}
