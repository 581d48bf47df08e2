using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.MLNet.Tests.AutoML;

/// <summary>
/// Runs against the PostgreSQL server named by HYPERNETWORKS_TEST_POSTGRES (.ci/run sets it); skipped,
/// saying so, when the variable is missing. Each test uses its own experiment name, so reruns pass.
/// </summary>
public class PostgresTrialStoreTests
{
    private const string Variable = "HYPERNETWORKS_TEST_POSTGRES";

    private static string ConnectionString
    {
        get
        {
            string? value = Environment.GetEnvironmentVariable(Variable);
            Skip.If(string.IsNullOrEmpty(value), $"{Variable} is not set: the PostgreSQL trial-store test did not run.");
            return value!;
        }
    }

    [SkippableFact]
    public Task ConcurrentClaims_GetDistinctTrials() => TrialStoreContract.ConcurrentClaimsGetDistinctTrials(Store(30_000));

    [SkippableFact]
    public Task Complete_StoresTheOutcome() => TrialStoreContract.CompleteStoresTheOutcome(Store());

    [SkippableFact]
    public Task StaleTrial_IsReclaimedAndItsOldWorkerRefused() => TrialStoreContract.StaleTrialIsReclaimedAndItsOldWorkerRefused(Store(300));

    [SkippableFact]
    public Task FreshTrialOfAnotherWorker_IsNotReclaimed() => TrialStoreContract.FreshTrialOfAnotherWorkerIsNotReclaimed(Store(30_000));

    [SkippableFact]
    public Task SpentBudgetWithNothingRunning_IsDone() => TrialStoreContract.SpentBudgetWithNothingRunningIsDone(Store());

    [SkippableFact]
    public Task ReleasedTrial_IsClaimedNext() => TrialStoreContract.ReleasedTrialIsClaimedNext(Store());

    [SkippableFact]
    public async Task TwoWorkerProcesses_RunOneSweepWithNoTrialTwiceAndNoneLost_EvenWhenOneIsKilled()
    {
        const int Trials = 10;
        string connection = ConnectionString;
        string experiment = UniqueName();
        string store = $"postgres:{connection}";
        using WorkerProcess first = WorkerProcess.Start(store, experiment, "first", Trials, epochs: 4, epochMilliseconds: 400, heartbeatTimeoutMilliseconds: 6000, seed: 1);
        using WorkerProcess second = WorkerProcess.Start(store, experiment, "second", Trials, epochs: 4, epochMilliseconds: 400, heartbeatTimeoutMilliseconds: 6000, seed: 2);

        // The heartbeat timeout leaves room for a loaded 2-core machine, where a live worker can stall for seconds.
        // Kill the first worker in the middle of a trial, once both have finished some. Trials last 1.6 s, so the
        // kill lands inside the trial the poll saw start even when the machine stalls the test for a while.
        await first.WaitUntilAsync(
            w => w.Ids("DONE").Length >= 2 && second.Ids("DONE").Length >= 1 && w.Lines[^1].StartsWith("START", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60));
        first.Kill();
        int killedTrial = first.Ids("START")[^1];
        int exitCode = await second.WaitForExitAsync(TimeSpan.FromSeconds(90));

        await using ITrialStore reader = TrialStore.Postgres(connection, experiment);
        IReadOnlyList<TrialRecord> trials = await reader.LoadTrialsAsync(default);
        Assert.True(exitCode == 0, $"second worker exit {exitCode}: {second.ErrorText}");
        Assert.Equal(Enumerable.Range(1, Trials), trials.Select(t => t.TrialId));
        Assert.All(trials, t => Assert.Equal(TrialStatus.Completed, t.Status));

        // Every trial finished exactly once, by one worker; only the killed trial was started twice.
        int[] done = first.Ids("DONE").Concat(second.Ids("DONE")).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, Trials), done);
        Assert.DoesNotContain(killedTrial, first.Ids("DONE"));
        Assert.Contains(killedTrial, second.Ids("DONE"));
        int[] startedTwice = first.Ids("START").Concat(second.Ids("START")).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.Equal([killedTrial], startedTwice);
        TrialRecord reclaimed = trials[killedTrial - 1];
        Assert.Equal(2, reclaimed.Attempts);
        Assert.Equal("second", reclaimed.WorkerId);
        Assert.All(trials, t => Assert.Equal(first.Ids("DONE").Contains(t.TrialId) ? "first" : "second", t.WorkerId));
    }

    [SkippableFact]
    public async Task TwoExperimentsInProcess_ShareOneSweep()
    {
        string connection = ConnectionString;
        string experiment = UniqueName();
        var runs = new System.Collections.Concurrent.ConcurrentBag<int>();
        var runner = new FunctionTrialRunner(async (settings, context, ct) =>
        {
            runs.Add(settings.TrialId);
            await Task.Delay(20, ct);
            return Objectives.ShiftedSphere(settings.Parameter);
        });

        await using ITrialStore a = TrialStore.Postgres(connection, experiment);
        await using ITrialStore b = TrialStore.Postgres(connection, experiment);
        TrialResult[] bests = await Task.WhenAll(
            new AutoMLExperiment().SetSearchSpace(Objectives.Box(2)).SetTrialRunner(runner).SetTrialStore(a).SetWorkerId("a").SetSeed(1).SetMaxModelToExplore(12).RunAsync(),
            new AutoMLExperiment().SetSearchSpace(Objectives.Box(2)).SetTrialRunner(runner).SetTrialStore(b).SetWorkerId("b").SetSeed(2).SetMaxModelToExplore(12).RunAsync());

        Assert.Equal(Enumerable.Range(1, 12), runs.Order());
        Assert.Equal(bests[0].Metric, bests[1].Metric);
        Assert.Equal(2, (await a.LoadTrialsAsync(default)).Select(t => t.WorkerId).Distinct().Count());
    }

    private static string UniqueName() => "test-" + Guid.NewGuid().ToString("N");

    private static ITrialStore Store(int heartbeatTimeoutMilliseconds = 30_000) =>
        TrialStore.Postgres(ConnectionString, UniqueName(), TimeSpan.FromMilliseconds(heartbeatTimeoutMilliseconds));
}
