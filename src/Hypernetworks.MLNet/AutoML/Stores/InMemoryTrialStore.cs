namespace Hypernetworks.MLNet.AutoML;

/// <summary>A trial store in this process's memory: the default, lost with the process.</summary>
internal sealed class InMemoryTrialStore : ITrialStore
{
    private readonly object gate = new();
    private readonly List<TrialRecord> trials = [];

    public InMemoryTrialStore(TimeSpan heartbeatTimeout) => HeartbeatTimeout = heartbeatTimeout;

    public TimeSpan HeartbeatTimeout { get; }

    public Task<TrialClaim> ClaimAsync(string workerId, int maxTrials, TrialProposer proposer, CancellationToken cancellationToken)
    {
        TrialClaimRules.CheckArguments(workerId, maxTrials, proposer);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            DateTime now = DateTime.UtcNow;
            ClaimDecision decision = TrialClaimRules.Decide(trials.ToArray(), now, HeartbeatTimeout, workerId, maxTrials, proposer);
            if (decision.Reclaim is { } orphan)
            {
                Replace(orphan with
                {
                    Status = TrialStatus.Running,
                    WorkerId = workerId,
                    Attempts = orphan.Attempts + 1,
                    HeartbeatAtUtc = now,
                    Curve = [],
                });
            }
            else if (decision.NewTrial is { } settings)
            {
                trials.Add(new TrialRecord
                {
                    TrialId = settings.TrialId,
                    Status = TrialStatus.Running,
                    ParameterJson = settings.Parameter.ToJson(),
                    WorkerId = workerId,
                    CreatedAtUtc = now,
                    HeartbeatAtUtc = now,
                });
            }

            return Task.FromResult(decision.ToClaim());
        }
    }

    public Task<bool> HeartbeatAsync(int trialId, string workerId, IReadOnlyList<IntermediateMetric> curve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(curve);
        lock (gate)
        {
            TrialRecord? trial = Held(trialId, workerId);
            if (trial is not null)
            {
                Replace(trial with { HeartbeatAtUtc = DateTime.UtcNow, Curve = curve.ToArray() });
            }

            return Task.FromResult(trial is not null);
        }
    }

    public Task<bool> CompleteAsync(TrialRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (gate)
        {
            TrialRecord? trial = Held(record.TrialId, record.WorkerId);
            if (trial is not null)
            {
                DateTime now = DateTime.UtcNow;
                Replace(record with
                {
                    CreatedAtUtc = trial.CreatedAtUtc,
                    Attempts = trial.Attempts,
                    ParameterJson = trial.ParameterJson,
                    HeartbeatAtUtc = now,
                    EndedAtUtc = now,
                });
            }

            return Task.FromResult(trial is not null);
        }
    }

    public Task ReleaseAsync(int trialId, string workerId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (Held(trialId, workerId) is { } trial)
            {
                Replace(trial with { Status = TrialStatus.Pending });
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TrialRecord>> LoadTrialsAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<TrialRecord>>(trials.ToArray());
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private TrialRecord? Held(int trialId, string? workerId) =>
        trials.Find(t => t.TrialId == trialId && t.WorkerId == workerId && t.Status == TrialStatus.Running);

    private void Replace(TrialRecord record) => trials[trials.FindIndex(t => t.TrialId == record.TrialId)] = record;
}
