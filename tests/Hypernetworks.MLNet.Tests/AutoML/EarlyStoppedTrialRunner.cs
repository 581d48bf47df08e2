using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.MLNet.Tests.AutoML;

/// <summary>Trial 2 stops early with the smallest metric of all (0); every other trial completes with its id as its metric.</summary>
internal sealed class EarlyStoppedTrialRunner : ITrialRunner
{
    public Task<TrialResult> RunAsync(TrialSettings settings, ITrialContext context, CancellationToken cancellationToken) =>
        Task.FromResult(settings.TrialId == 2
            ? new TrialResult { Metric = 0, IsEarlyStopped = true }
            : new TrialResult { Metric = settings.TrialId, Model = new TrialIdModel(settings.TrialId) });
}
