namespace Hypernetworks.MLNet.AutoML;

/// <summary>One trial as a trial store keeps it.</summary>
public sealed record TrialRecord
{
    /// <summary>Gets the trial's id.</summary>
    public required int TrialId { get; init; }

    /// <summary>Gets the trial's status.</summary>
    public required TrialStatus Status { get; init; }

    /// <summary>Gets the trial's parameter as JSON (<see cref="Parameter.ToJson"/>).</summary>
    public required string ParameterJson { get; init; }

    /// <summary>Gets the metric, for completed and stopped trials.</summary>
    public double? Metric { get; init; }

    /// <summary>Gets the loss (the metric, negated when larger is better), for completed and stopped trials.</summary>
    public double? Loss { get; init; }

    /// <summary>Gets the per-epoch metrics reported so far.</summary>
    public IReadOnlyList<IntermediateMetric> Curve { get; init; } = [];

    /// <summary>Gets how long the last run took, once finished.</summary>
    public double? DurationInMilliseconds { get; init; }

    /// <summary>Gets the error of a failed trial.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the worker that runs or ran the trial.</summary>
    public string? WorkerId { get; init; }

    /// <summary>Gets how many times the trial was claimed (more than 1 after a reclaim).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Gets when the trial was first claimed.</summary>
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>Gets the last heartbeat of the worker running it.</summary>
    public DateTime HeartbeatAtUtc { get; init; }

    /// <summary>Gets when the trial finished.</summary>
    public DateTime? EndedAtUtc { get; init; }

    /// <summary>Gets whether the trial has finished (completed, stopped or failed).</summary>
    public bool IsFinished => Status is TrialStatus.Completed or TrialStatus.Stopped or TrialStatus.Failed;

    /// <summary>Gets whether the trial finished with a metric.</summary>
    public bool HasMetric => Status is TrialStatus.Completed or TrialStatus.Stopped && Loss is not null;

    /// <summary>Converts the record to a trial result (without a model), failed trials with an infinite loss.</summary>
    public TrialResult ToTrialResult() => new()
    {
        TrialSettings = new TrialSettings
        {
            TrialId = TrialId,
            Parameter = Parameter.FromJson(ParameterJson),
            StartedAtUtc = CreatedAtUtc,
            EndedAtUtc = EndedAtUtc,
        },
        Metric = Metric ?? double.NaN,
        Loss = HasMetric ? Loss!.Value : double.PositiveInfinity,
        DurationInMilliseconds = DurationInMilliseconds ?? 0,
        IntermediateMetrics = Curve,
        IsEarlyStopped = Status == TrialStatus.Stopped,
    };
}
