namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// Keeps the trials of one sweep, so a sweep survives its process and several workers can share it.
/// Claims are atomic: a trial is run by one worker at a time, a running trial whose worker stopped
/// heartbeating for <see cref="HeartbeatTimeout"/> is handed to the next claimer, and only the worker
/// that holds a trial can finish it.
/// </summary>
public interface ITrialStore : IAsyncDisposable
{
    /// <summary>Gets how long a running trial may go without a heartbeat before it is reclaimed.</summary>
    TimeSpan HeartbeatTimeout { get; }

    /// <summary>
    /// Atomically: reclaims a pending trial or one whose worker died, or else, while fewer than
    /// <paramref name="maxTrials"/> trials exist, asks <paramref name="proposer"/> for a new trial and
    /// records it as running for <paramref name="workerId"/>.
    /// </summary>
    /// <param name="workerId">The claiming worker.</param>
    /// <param name="maxTrials">The sweep's trial budget.</param>
    /// <param name="proposer">Proposes a new trial from the stored ones.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    Task<TrialClaim> ClaimAsync(string workerId, int maxTrials, TrialProposer proposer, CancellationToken cancellationToken);

    /// <summary>Records that the worker still runs the trial, with its curve so far; false when the worker no longer holds it.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="workerId">The worker.</param>
    /// <param name="curve">The per-epoch metrics so far.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<bool> HeartbeatAsync(int trialId, string workerId, IReadOnlyList<IntermediateMetric> curve, CancellationToken cancellationToken);

    /// <summary>
    /// Records a finished trial (status, metric, loss, curve, duration, error) if its worker still holds
    /// it; returns false, writing nothing, when it does not.
    /// </summary>
    /// <param name="record">The finished trial; <see cref="TrialRecord.WorkerId"/> names the worker.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<bool> CompleteAsync(TrialRecord record, CancellationToken cancellationToken);

    /// <summary>Gives back an unfinished trial (its run was cancelled) so the next claim runs it.</summary>
    /// <param name="trialId">The trial.</param>
    /// <param name="workerId">The worker that holds it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task ReleaseAsync(int trialId, string workerId, CancellationToken cancellationToken);

    /// <summary>Reads every trial of the sweep, in id order.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<TrialRecord>> LoadTrialsAsync(CancellationToken cancellationToken);
}
