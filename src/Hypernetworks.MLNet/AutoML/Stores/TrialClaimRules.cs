namespace Hypernetworks.MLNet.AutoML;

/// <summary>The claim decision every store makes under its lock, so all stores behave alike.</summary>
internal static class TrialClaimRules
{
    /// <summary>Decides a claim from the sweep's trials as they stand.</summary>
    /// <returns>The trial to reclaim, or the settings of a new trial, or wait/done.</returns>
    public static ClaimDecision Decide(
        IReadOnlyList<TrialRecord> trials, DateTime nowUtc, TimeSpan heartbeatTimeout, string workerId, int maxTrials, TrialProposer proposer)
    {
        // Another worker's trial counts as dead when its heartbeat is older than the timeout; the
        // claimer's own running trials are never reclaimed by itself.
        TrialRecord? orphan = trials.FirstOrDefault(t =>
            t.Status == TrialStatus.Pending
            || (t.Status == TrialStatus.Running && t.WorkerId != workerId && nowUtc - t.HeartbeatAtUtc > heartbeatTimeout));
        if (orphan is not null)
        {
            return new ClaimDecision(TrialClaimKind.Run, orphan, null);
        }

        if (trials.Count < maxTrials)
        {
            int nextId = trials.Count == 0 ? 1 : trials.Max(t => t.TrialId) + 1;
            TrialSettings? settings = proposer(trials, nextId);
            if (settings is not null)
            {
                settings.TrialId = nextId;
                return new ClaimDecision(TrialClaimKind.Run, null, settings);
            }
        }

        bool othersRunning = trials.Any(t => t.Status == TrialStatus.Running);
        return new ClaimDecision(othersRunning ? TrialClaimKind.Wait : TrialClaimKind.Done, null, null);
    }

    /// <summary>Throws when a claim's arguments are unusable.</summary>
    public static void CheckArguments(string workerId, int maxTrials, TrialProposer proposer)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTrials);
        ArgumentNullException.ThrowIfNull(proposer);
    }
}
