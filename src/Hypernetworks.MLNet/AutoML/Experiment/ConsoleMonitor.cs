using System.Globalization;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>A monitor that writes one line per event, for samples and command-line sweeps.</summary>
public sealed class ConsoleMonitor : IMonitor
{
    private readonly TextWriter writer;

    /// <summary>Creates a monitor writing to the console.</summary>
    public ConsoleMonitor()
        : this(Console.Out)
    {
    }

    /// <summary>Creates a monitor writing to <paramref name="writer"/>.</summary>
    /// <param name="writer">Where lines go.</param>
    public ConsoleMonitor(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        this.writer = writer;
    }

    /// <inheritdoc/>
    public void ReportRunningTrial(TrialSettings setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        Write($"trial {setting.TrialId} running {setting.Parameter}");
    }

    /// <inheritdoc/>
    public void ReportCompletedTrial(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string stopped = result.IsEarlyStopped ? " (stopped early)" : string.Empty;
        Write($"trial {result.TrialSettings.TrialId} metric {Format(result.Metric)} in {Format(result.DurationInMilliseconds / 1000)} s{stopped}");
    }

    /// <inheritdoc/>
    public void ReportBestTrial(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Write($"best so far: trial {result.TrialSettings.TrialId} metric {Format(result.Metric)} {result.TrialSettings.Parameter}");
    }

    /// <inheritdoc/>
    public void ReportFailTrial(TrialSettings settings, Exception? exception = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Write($"trial {settings.TrialId} failed: {exception?.Message ?? "no reason given"}");
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private void Write(string line)
    {
        lock (writer)
        {
            writer.WriteLine(line);
        }
    }
}
