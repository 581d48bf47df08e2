using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.MLNet.Tests.AutoML;

/// <summary>What every trial store must do, run against each store by its test class.</summary>
internal static class TrialStoreContract
{
    public static TrialProposer Propose(string tag) =>
        (trials, nextId) => new TrialSettings { Parameter = Parameter.FromObject(new Dictionary<string, object> { ["tag"] = tag, ["n"] = nextId }) };

    public static async Task ConcurrentClaimsGetDistinctTrials(ITrialStore store)
    {
        TrialClaim[] claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => store.ClaimAsync($"worker{i}", 100, Propose($"w{i}"), default))));

        Assert.All(claims, c => Assert.Equal(TrialClaimKind.Run, c.Kind));
        Assert.Equal(Enumerable.Range(1, 12), claims.Select(c => c.Settings!.TrialId).Order());
        IReadOnlyList<TrialRecord> trials = await store.LoadTrialsAsync(default);
        Assert.Equal(12, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialStatus.Running, t.Status));
    }

    public static async Task CompleteStoresTheOutcome(ITrialStore store)
    {
        TrialClaim claim = await store.ClaimAsync("a", 10, Propose("x"), default);
        IntermediateMetric[] curve = [new(1, 0.5), new(2, 0.25)];
        Assert.True(await store.HeartbeatAsync(1, "a", curve[..1], default));

        bool kept = await store.CompleteAsync(
            new TrialRecord
            {
                TrialId = 1, Status = TrialStatus.Stopped, ParameterJson = claim.Settings!.Parameter.ToJson(), Metric = 0.25, Loss = -0.25,
                Curve = curve, DurationInMilliseconds = 12.5, WorkerId = "a",
            },
            default);

        Assert.True(kept);
        TrialRecord stored = Assert.Single(await store.LoadTrialsAsync(default));
        Assert.Equal(TrialStatus.Stopped, stored.Status);
        Assert.Equal(claim.Settings.Parameter.ToJson(), stored.ParameterJson);
        Assert.Equal(0.25, stored.Metric);
        Assert.Equal(-0.25, stored.Loss);
        Assert.Equal(curve, stored.Curve);
        Assert.Equal(12.5, stored.DurationInMilliseconds);
        Assert.Equal("a", stored.WorkerId);
        Assert.NotNull(stored.EndedAtUtc);
    }

    public static async Task StaleTrialIsReclaimedAndItsOldWorkerRefused(ITrialStore store)
    {
        await store.ClaimAsync("dead", 10, Propose("x"), default);
        await Task.Delay(store.HeartbeatTimeout + TimeSpan.FromMilliseconds(200));

        TrialClaim reclaim = await store.ClaimAsync("alive", 10, Propose("y"), default);

        Assert.Equal(TrialClaimKind.Run, reclaim.Kind);
        Assert.True(reclaim.IsReclaimed);
        Assert.Equal(1, reclaim.Settings!.TrialId);
        Assert.False(await store.HeartbeatAsync(1, "dead", [], default));
        Assert.False(await store.CompleteAsync(Finished(1, "dead"), default));
        Assert.True(await store.CompleteAsync(Finished(1, "alive"), default));
        TrialRecord stored = Assert.Single(await store.LoadTrialsAsync(default));
        Assert.Equal(2, stored.Attempts);
        Assert.Equal("alive", stored.WorkerId);
    }

    public static async Task FreshTrialOfAnotherWorkerIsNotReclaimed(ITrialStore store)
    {
        await store.ClaimAsync("busy", 1, Propose("x"), default);

        TrialClaim claim = await store.ClaimAsync("idle", 1, Propose("y"), default);

        Assert.Equal(TrialClaimKind.Wait, claim.Kind);
    }

    public static async Task SpentBudgetWithNothingRunningIsDone(ITrialStore store)
    {
        await store.ClaimAsync("a", 1, Propose("x"), default);
        await store.CompleteAsync(Finished(1, "a"), default);

        TrialClaim claim = await store.ClaimAsync("b", 1, Propose("y"), default);

        Assert.Equal(TrialClaimKind.Done, claim.Kind);
    }

    public static async Task ReleasedTrialIsClaimedNext(ITrialStore store)
    {
        await store.ClaimAsync("a", 10, Propose("x"), default);
        await store.ReleaseAsync(1, "a", default);

        TrialClaim claim = await store.ClaimAsync("b", 10, Propose("y"), default);

        Assert.Equal(1, claim.Settings!.TrialId);
        Assert.True(claim.IsReclaimed);
    }

    private static TrialRecord Finished(int id, string worker) => new()
    {
        TrialId = id, Status = TrialStatus.Completed, ParameterJson = "{}", Metric = 1, Loss = 1, DurationInMilliseconds = 1, WorkerId = worker,
    };
}
