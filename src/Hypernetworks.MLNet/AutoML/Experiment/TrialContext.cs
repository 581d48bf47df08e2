namespace Hypernetworks.MLNet.AutoML;

/// <summary>The experiment's side of a running trial: collects its curve and applies early stopping.</summary>
internal sealed class TrialContext : ITrialContext
{
    private readonly object gate = new();
    private readonly List<IntermediateMetric> curve = [];
    private readonly AshaEarlyStopping? earlyStopping;
    private readonly MetricDirection direction;
    private volatile bool stopRequested;

    public TrialContext(int trialId, int maxDegreeOfParallelism, AshaEarlyStopping? earlyStopping, MetricDirection direction)
    {
        TrialId = trialId;
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
        this.earlyStopping = earlyStopping;
        this.direction = direction;
    }

    public int TrialId { get; }

    public int MaxDegreeOfParallelism { get; }

    public bool IsStopRequested => stopRequested;

    public bool ReportIntermediate(int epoch, double metric)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 1);
        lock (gate)
        {
            curve.Add(new IntermediateMetric(epoch, metric));
        }

        if (earlyStopping is not null && earlyStopping.ShouldStop(TrialId, epoch, MetricLoss.From(metric, direction)))
        {
            stopRequested = true;
        }

        return !stopRequested;
    }

    public IReadOnlyList<IntermediateMetric> Curve()
    {
        lock (gate)
        {
            return curve.ToArray();
        }
    }
}
