using System.Globalization;
using Hypernetworks.MLNet.AutoML;
using Spectre.Console;

namespace Hypernetworks.Samples;

/// <summary>Shows a sweep on one progress bar: the trials run, finished and failed, and the best metric so far.</summary>
/// <param name="task">The bar; its value is the seconds of the budget used, set by the caller.</param>
public sealed class SweepMonitor(ProgressTask task) : IMonitor
{
    private readonly Lock gate = new();
    private int finished;
    private int failed;
    private double best = double.NaN;
    private int bestTrial;

    /// <inheritdoc />
    public void ReportRunningTrial(TrialSettings setting) => Update();

    /// <inheritdoc />
    public void ReportCompletedTrial(TrialResult result)
    {
        lock (gate)
        {
            finished++;
        }

        Update();
    }

    /// <inheritdoc />
    public void ReportBestTrial(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (gate)
        {
            best = result.Metric;
            bestTrial = result.TrialSettings.TrialId;
        }

        Update();
    }

    /// <inheritdoc />
    public void ReportFailTrial(TrialSettings settings, Exception? exception = null)
    {
        lock (gate)
        {
            failed++;
        }

        Update();
    }

    private void Update()
    {
        lock (gate)
        {
            string bestText = double.IsNaN(best) ? "none yet" : string.Create(CultureInfo.InvariantCulture, $"{best:F4} (trial {bestTrial})");
            task.Description = Markup.Escape($"{finished} trials, {failed} failed · best RMSE {bestText}");
        }
    }
}
