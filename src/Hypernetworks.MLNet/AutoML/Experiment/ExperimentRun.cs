using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// One run of a sweep by one worker: claims trials from the store (proposing new ones with the tuner,
/// which first learns every finished trial in the store), runs up to the parallel limit at once,
/// heartbeats them, records their outcomes, and returns the best trial.
/// </summary>
internal sealed class ExperimentRun
{
    private const int MaxProposalAttempts = 100;

    private readonly ExperimentSettings settings;
    private readonly object gate = new();
    private readonly HashSet<int> learnedTrialIds = [];
    private readonly Dictionary<int, TrialResult> ownResults = [];
    private readonly TimeSpan pollInterval;
    private readonly TimeSpan heartbeatInterval;
    private readonly string firstParameterJson;
    private double bestLoss = double.PositiveInfinity;
    private Exception? firstError;

    public ExperimentRun(ExperimentSettings settings)
    {
        this.settings = settings;
        firstParameterJson = settings.FirstParameter.ToJson();
        TimeSpan timeout = settings.Store.HeartbeatTimeout;
        heartbeatInterval = timeout / 3;
        pollInterval = TimeSpan.FromMilliseconds(Math.Clamp(timeout.TotalMilliseconds / 4, 20, 1000));
    }

    public async Task<TrialResult> RunAsync(CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (settings.TrainingTime is { } time)
        {
            budget.CancelAfter(time);
        }

        await RunTrialsAsync(budget.Token).ConfigureAwait(false);
        IReadOnlyList<TrialRecord> trials = await settings.Store.LoadTrialsAsync(CancellationToken.None).ConfigureAwait(false);
        // A trial stopped early has a metric from part of its training, not from the model the sweep would return:
        // it is the best only when no trial ran to the end.
        TrialRecord? best = trials.Where(t => t.Status == TrialStatus.Completed).MinBy(t => t.Loss)
            ?? trials.Where(t => t.HasMetric).MinBy(t => t.Loss);
        if (best is not null)
        {
            lock (gate)
            {
                return ownResults.TryGetValue(best.TrialId, out TrialResult? own) ? own : best.ToTrialResult();
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (firstError is not null)
        {
            ExceptionDispatchInfo.Throw(firstError);
        }

        TrialRecord? failed = trials.FirstOrDefault(t => t.Status == TrialStatus.Failed);
        if (failed is not null)
        {
            throw new InvalidOperationException($"All {trials.Count} trials failed; the first error (trial {failed.TrialId}) was: {failed.Error}");
        }

        if (budget.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The training time of {settings.TrainingTime!.Value.TotalSeconds} s ran out before any trial finished; give the sweep more time.");
        }

        throw new InvalidOperationException("The sweep ended without a finished trial: the tuner proposed nothing new.");
    }

    private async Task RunTrialsAsync(CancellationToken budget)
    {
        var running = new List<Task>();
        bool done = false;
        while (true)
        {
            bool wait = false;
            while (!done && !wait && running.Count < settings.ParallelTrials && !budget.IsCancellationRequested)
            {
                TrialClaim claim;
                try
                {
                    claim = await settings.Store.ClaimAsync(settings.WorkerId, settings.MaxTrials, Propose, budget).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (budget.IsCancellationRequested)
                {
                    break;
                }

                done = claim.Kind == TrialClaimKind.Done;
                wait = claim.Kind == TrialClaimKind.Wait;
                if (claim.Kind == TrialClaimKind.Run)
                {
                    running.Add(RunTrialAsync(claim.Settings!, budget));
                }
            }

            done |= budget.IsCancellationRequested;
            if (running.Count == 0 && done)
            {
                return;
            }

            // While other workers' trials run, poll: one of them may die and need reclaiming.
            var waits = new List<Task>(running);
            if (running.Count == 0 || (wait && running.Count < settings.ParallelTrials))
            {
                waits.Add(Task.Delay(pollInterval, budget));
            }

            await Task.WhenAny(waits).ConfigureAwait(false);
            foreach (Task finished in running.Where(task => task.IsCompleted).ToArray())
            {
                running.Remove(finished);
                await finished.ConfigureAwait(false);
            }
        }
    }

    private TrialSettings? Propose(IReadOnlyList<TrialRecord> trials, int nextTrialId)
    {
        Learn(trials);
        Dictionary<string, TrialRecord> byParameter = trials
            .GroupBy(t => t.ParameterJson, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.FirstOrDefault(t => t.IsFinished) ?? g.First(), StringComparer.Ordinal);

        // The sweep's first trial is its starting point as given (for a hypernetwork, the base options), before any
        // tuner proposes: whatever the tuners find is measured against it.
        if (!byParameter.ContainsKey(firstParameterJson))
        {
            return new TrialSettings { TrialId = nextTrialId, Parameter = Parameter.FromJson(firstParameterJson) };
        }

        for (int attempt = 0; attempt < MaxProposalAttempts; attempt++)
        {
            TrialSettings proposal = settings.Tuner.Propose(new TrialSettings { TrialId = nextTrialId });
            if (!byParameter.TryGetValue(proposal.Parameter.ToJson(), out TrialRecord? twin))
            {
                return proposal;
            }

            // The point was run already: the tuner gets that trial's outcome instead of a second run.
            if (twin.IsFinished)
            {
                TrialResult known = twin.ToTrialResult();
                known.TrialSettings = proposal;
                settings.Tuner.Update(known);
            }
        }

        return null;
    }

    private void Learn(IReadOnlyList<TrialRecord> trials)
    {
        foreach (TrialRecord trial in trials)
        {
            if (!trial.IsFinished || !learnedTrialIds.Add(trial.TrialId))
            {
                continue;
            }

            settings.Tuner.Update(trial.ToTrialResult());
            settings.EarlyStopping?.Record(trial.TrialId, trial.Curve.Select(p => (p.Epoch, MetricLoss.From(p.Metric, settings.Direction))));
            if (trial.Status == TrialStatus.Completed)
            {
                lock (gate)
                {
                    bestLoss = Math.Min(bestLoss, trial.Loss!.Value);
                }
            }
        }
    }

    private async Task RunTrialAsync(TrialSettings trial, CancellationToken budget)
    {
        trial.StartedAtUtc = DateTime.UtcNow;
        settings.Monitor?.ReportRunningTrial(trial);
        int threads = Math.Max(1, Environment.ProcessorCount / settings.ParallelTrials);
        var context = new TrialContext(trial.TrialId, threads, settings.EarlyStopping, settings.Direction);
        using var trialCancellation = CancellationTokenSource.CreateLinkedTokenSource(budget);
        using var heartbeatStop = new CancellationTokenSource();
        var ownership = new StrongBox<bool>(true);
        Task heartbeat = HeartbeatAsync(trial.TrialId, context, trialCancellation, ownership, heartbeatStop.Token);
        var watch = Stopwatch.StartNew();
        TrialResult? result = null;
        Exception? error = null;
        bool interrupted = false;
        try
        {
            result = await settings.Runner.RunAsync(trial, context, trialCancellation.Token).ConfigureAwait(false);
            error = result is null
                ? new InvalidOperationException($"The trial runner returned no result for trial {trial.TrialId}.")
                : double.IsFinite(result.Metric)
                    ? null
                    : new InvalidOperationException($"Trial {trial.TrialId} reported a metric of {result.Metric}; a finite number was expected.");
        }
        catch (OperationCanceledException) when (trialCancellation.IsCancellationRequested)
        {
            interrupted = true;
        }
#pragma warning disable CA1031 // A failing trial must not end the sweep: it is recorded as failed.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            error = exception;
        }
        finally
        {
            await heartbeatStop.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
        }

        watch.Stop();
        trial.EndedAtUtc = DateTime.UtcNow;
        if (interrupted)
        {
            // Cancelled by the budget: give the trial back so a later run of the sweep finishes it.
            if (ownership.Value)
            {
                await settings.Store.ReleaseAsync(trial.TrialId, settings.WorkerId, CancellationToken.None).ConfigureAwait(false);
            }

            return;
        }

        if (error is not null)
        {
            await RecordFailureAsync(trial, context, watch.Elapsed, error).ConfigureAwait(false);
            return;
        }

        await RecordSuccessAsync(trial, context, watch.Elapsed, result!).ConfigureAwait(false);
    }

    private async Task RecordSuccessAsync(TrialSettings trial, TrialContext context, TimeSpan elapsed, TrialResult result)
    {
        result.TrialSettings = trial;
        result.Loss = MetricLoss.From(result.Metric, settings.Direction);
        result.DurationInMilliseconds = result.DurationInMilliseconds > 0 ? result.DurationInMilliseconds : elapsed.TotalMilliseconds;
        result.IntermediateMetrics = result.IntermediateMetrics.Count > 0 ? result.IntermediateMetrics : context.Curve();
        result.IsEarlyStopped |= context.IsStopRequested;
        var record = new TrialRecord
        {
            TrialId = trial.TrialId,
            Status = result.IsEarlyStopped ? TrialStatus.Stopped : TrialStatus.Completed,
            ParameterJson = trial.Parameter.ToJson(),
            Metric = result.Metric,
            Loss = result.Loss,
            Curve = result.IntermediateMetrics,
            DurationInMilliseconds = result.DurationInMilliseconds,
            WorkerId = settings.WorkerId,
        };

        // Written even when the budget has run out, so a finished trial is never lost.
        if (!await settings.Store.CompleteAsync(record, CancellationToken.None).ConfigureAwait(false))
        {
            return;
        }

        bool isBest;
        lock (gate)
        {
            ownResults[trial.TrialId] = result;
            isBest = !result.IsEarlyStopped && result.Loss < bestLoss;
            bestLoss = isBest ? result.Loss : bestLoss;
        }

        settings.Monitor?.ReportCompletedTrial(result);
        if (isBest)
        {
            settings.Monitor?.ReportBestTrial(result);
        }
    }

    private async Task RecordFailureAsync(TrialSettings trial, TrialContext context, TimeSpan elapsed, Exception error)
    {
        var record = new TrialRecord
        {
            TrialId = trial.TrialId,
            Status = TrialStatus.Failed,
            ParameterJson = trial.Parameter.ToJson(),
            Curve = context.Curve(),
            DurationInMilliseconds = elapsed.TotalMilliseconds,
            Error = $"{error.GetType().Name}: {error.Message}",
            WorkerId = settings.WorkerId,
        };
        if (!await settings.Store.CompleteAsync(record, CancellationToken.None).ConfigureAwait(false))
        {
            return;
        }

        lock (gate)
        {
            firstError ??= error;
        }

        settings.Monitor?.ReportFailTrial(trial, error);
    }

    private async Task HeartbeatAsync(
        int trialId, TrialContext context, CancellationTokenSource trialCancellation, StrongBox<bool> ownership, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(heartbeatInterval, stop).ConfigureAwait(false);
                if (!await settings.Store.HeartbeatAsync(trialId, settings.WorkerId, context.Curve(), stop).ConfigureAwait(false))
                {
                    // Another worker has reclaimed the trial (this one was presumed dead): stop running it.
                    ownership.Value = false;
                    await trialCancellation.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The trial ended; so do its heartbeats.
        }
    }
}
