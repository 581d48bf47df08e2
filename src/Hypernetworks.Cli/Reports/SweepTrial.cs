using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.Cli.Reports;

/// <summary>One trial of a sweep as the report shows it.</summary>
/// <param name="Id">The trial id.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Metric">Its validation metric (null for failed or unfinished trials).</param>
/// <param name="MinutesAtEnd">When it ended, in minutes since the sweep's first trial started.</param>
/// <param name="Seconds">How long it ran.</param>
/// <param name="Parameters">The swept values, flattened.</param>
/// <param name="Curve">The validation metric after each epoch.</param>
internal sealed record SweepTrial(int Id, TrialStatus Status, double? Metric, double MinutesAtEnd, double Seconds, IReadOnlyDictionary<string, string> Parameters, IReadOnlyList<IntermediateMetric> Curve)
{
    /// <summary>The report's trials from a trial store's records, in the order they ended.</summary>
    /// <param name="records">The store's records.</param>
    public static IReadOnlyList<SweepTrial> From(IEnumerable<TrialRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        TrialRecord[] finished = [.. records.Where(r => r.IsFinished).OrderBy(r => r.EndedAtUtc ?? r.HeartbeatAtUtc)];
        if (finished.Length == 0)
        {
            return [];
        }

        DateTime start = finished.Min(r => r.CreatedAtUtc);
        return [.. finished.Select(r => new SweepTrial(
            r.TrialId,
            r.Status,
            r.HasMetric ? r.Metric : null,
            ((r.EndedAtUtc ?? r.HeartbeatAtUtc) - start).TotalMinutes,
            (r.DurationInMilliseconds ?? 0) / 1000,
            ParameterValues.Flatten(r.ParameterJson),
            r.Curve))];
    }
}
