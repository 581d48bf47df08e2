using Hypernetworks.Cli.Reports;
using Hypernetworks.Model.Training;

namespace Hypernetworks.Cli.Training;

/// <summary>Keeps the losses of every epoch for the report and moves the progress bar.</summary>
internal sealed class EpochRecorder : IProgress<TrainingProgress>
{
    private readonly List<EpochLosses> _epochs = [];
    private readonly Lock _gate = new();

    /// <summary>Gets or sets what hears the number of epochs done.</summary>
    public Action<double>? OnEpoch { get; set; }

    /// <summary>Gets the epochs recorded so far.</summary>
    public IReadOnlyList<EpochLosses> Epochs
    {
        get
        {
            lock (_gate)
            {
                return [.. _epochs];
            }
        }
    }

    /// <inheritdoc/>
    public void Report(TrainingProgress value)
    {
        lock (_gate)
        {
            _epochs.Add(new EpochLosses(value.Epoch, value.Loss, value.ValidationLoss));
        }

        OnEpoch?.Invoke(value.Epoch);
    }
}
