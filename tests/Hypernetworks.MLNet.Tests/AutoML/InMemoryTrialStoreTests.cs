using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.MLNet.Tests.AutoML;

public class InMemoryTrialStoreTests
{
    private static InMemoryTrialStore Store(int heartbeatTimeoutMilliseconds = 30_000) => new(TimeSpan.FromMilliseconds(heartbeatTimeoutMilliseconds));

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
}
