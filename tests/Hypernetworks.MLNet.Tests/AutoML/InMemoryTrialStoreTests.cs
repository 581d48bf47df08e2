using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.MLNet.Tests.AutoML;

public class InMemoryTrialStoreTests
{
    private static InMemoryTrialStore Store() => new(TimeSpan.FromMilliseconds(300));

    [Fact]
    public Task ConcurrentClaims_GetDistinctTrials() => TrialStoreContract.ConcurrentClaimsGetDistinctTrials(Store());

    [Fact]
    public Task Complete_StoresTheOutcome() => TrialStoreContract.CompleteStoresTheOutcome(Store());

    [Fact]
    public Task StaleTrial_IsReclaimedAndItsOldWorkerRefused() => TrialStoreContract.StaleTrialIsReclaimedAndItsOldWorkerRefused(Store());

    [Fact]
    public Task FreshTrialOfAnotherWorker_IsNotReclaimed() => TrialStoreContract.FreshTrialOfAnotherWorkerIsNotReclaimed(Store());

    [Fact]
    public Task SpentBudgetWithNothingRunning_IsDone() => TrialStoreContract.SpentBudgetWithNothingRunningIsDone(Store());

    [Fact]
    public Task ReleasedTrial_IsClaimedNext() => TrialStoreContract.ReleasedTrialIsClaimedNext(Store());
}
