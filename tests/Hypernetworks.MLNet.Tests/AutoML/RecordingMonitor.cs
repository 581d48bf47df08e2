using System.Collections.Concurrent;
using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.MLNet.Tests.AutoML;

/// <summary>Keeps every event it hears.</summary>
internal sealed class RecordingMonitor : IMonitor
{
    public ConcurrentQueue<int> Running { get; } = new();

    public ConcurrentQueue<TrialResult> Completed { get; } = new();

    public ConcurrentQueue<TrialResult> Best { get; } = new();

    public ConcurrentQueue<(int TrialId, Exception? Error)> Failed { get; } = new();

    public void ReportRunningTrial(TrialSettings setting) => Running.Enqueue(setting.TrialId);

    public void ReportCompletedTrial(TrialResult result) => Completed.Enqueue(result);

    public void ReportBestTrial(TrialResult result) => Best.Enqueue(result);

    public void ReportFailTrial(TrialSettings settings, Exception? exception = null) => Failed.Enqueue((settings.TrialId, exception));
}
