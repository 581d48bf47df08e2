using Microsoft.ML;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>The outcome of one trial.</summary>
public sealed class TrialResult
{
    /// <summary>Gets or sets what the trial ran.</summary>
    public TrialSettings TrialSettings { get; set; } = new();

    /// <summary>Gets or sets the trained model; null for trials read back from a trial store (run by another worker or an earlier process).</summary>
    public ITransformer? Model { get; set; }

    /// <summary>Gets or sets the validation metric the trial reached.</summary>
    public double Metric { get; set; }

    /// <summary>Gets or sets the loss tuners minimise: the metric, negated when larger metrics are better.</summary>
    public double Loss { get; set; }

    /// <summary>Gets or sets how long the trial ran.</summary>
    public double DurationInMilliseconds { get; set; }

    /// <summary>Gets or sets the metric after each epoch, as the trial reported it.</summary>
    public IReadOnlyList<IntermediateMetric> IntermediateMetrics { get; set; } = [];

    /// <summary>Gets or sets whether early stopping ended the trial before its last epoch.</summary>
    public bool IsEarlyStopped { get; set; }
}
