namespace Hypernetworks.MLNet.AutoML;

/// <summary>Hears about trials as a sweep runs (the four calls of ML.NET's AutoML monitor).</summary>
public interface IMonitor
{
    /// <summary>A trial has started.</summary>
    /// <param name="setting">The trial.</param>
    void ReportRunningTrial(TrialSettings setting);

    /// <summary>A trial has finished with a metric.</summary>
    /// <param name="result">The result.</param>
    void ReportCompletedTrial(TrialResult result);

    /// <summary>A trial has become the best so far.</summary>
    /// <param name="result">The result.</param>
    void ReportBestTrial(TrialResult result);

    /// <summary>A trial has failed.</summary>
    /// <param name="settings">The trial.</param>
    /// <param name="exception">Why it failed.</param>
    void ReportFailTrial(TrialSettings settings, Exception? exception = null);
}
