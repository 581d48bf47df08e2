using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.AutoML.Worker;

/// <summary>Prints START/DONE/FAIL lines the tests parse to see which worker ran which trial.</summary>
internal sealed class LineMonitor : IMonitor
{
    public void ReportRunningTrial(TrialSettings setting) => Console.WriteLine($"START {setting.TrialId}");

    public void ReportCompletedTrial(TrialResult result) => Console.WriteLine($"DONE {result.TrialSettings.TrialId}");

    public void ReportBestTrial(TrialResult result)
    {
    }

    public void ReportFailTrial(TrialSettings settings, Exception? exception = null) => Console.WriteLine($"FAIL {settings.TrialId}");
}
