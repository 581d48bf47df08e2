using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.AutoML.Worker;

/// <summary>A trial that "trains" for a fixed time per epoch and scores a shifted sphere.</summary>
internal sealed class SleepingTrialRunner(int epochs, int epochMilliseconds) : ITrialRunner
{
    public async Task<TrialResult> RunAsync(TrialSettings settings, ITrialContext context, CancellationToken cancellationToken)
    {
        double x = settings.Parameter["x0"].AsType<double>();
        double y = settings.Parameter["x1"].AsType<double>();
        double metric = ((x + 1) * (x + 1)) + ((y - 2) * (y - 2));
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            await Task.Delay(epochMilliseconds, cancellationToken).ConfigureAwait(false);
            context.ReportIntermediate(epoch, metric + (1.0 / epoch));
        }

        return new TrialResult { Metric = metric };
    }
}
