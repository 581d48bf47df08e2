using Hypernetworks.Cli.Reports;
using Hypernetworks.MLNet.AutoML;
using Spectre.Console;

namespace Hypernetworks.Cli.Sweeps;

/// <summary>Prints one line per finished trial (and each new best) while a sweep runs.</summary>
internal sealed class SweepMonitor : IMonitor
{
    /// <inheritdoc/>
    public void ReportRunningTrial(TrialSettings setting)
    {
    }

    /// <inheritdoc/>
    public void ReportCompletedTrial(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string stopped = result.IsEarlyStopped ? " (stopped early)" : string.Empty;
        AnsiConsole.MarkupLine(Markup.Escape($"trial {result.TrialSettings.TrialId}: {ReportFormat.Number(result.Metric)} in {ReportFormat.Number(result.DurationInMilliseconds / 1000)} s{stopped}"));
    }

    /// <inheritdoc/>
    public void ReportBestTrial(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        AnsiConsole.MarkupLine(Markup.Escape($"trial {result.TrialSettings.TrialId} is the best so far: {ReportFormat.Number(result.Metric)}"));
    }

    /// <inheritdoc/>
    public void ReportFailTrial(TrialSettings settings, Exception? exception = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        AnsiConsole.MarkupLine(Markup.Escape($"trial {settings.TrialId} failed: {exception?.Message}"));
    }
}
