namespace Hypernetworks.MLNet.AutoML;

/// <summary>Trains and evaluates one trial's model for a parameter.</summary>
public interface ITrialRunner
{
    /// <summary>
    /// Runs a trial and returns its metric (and model). The experiment fills in the loss, the duration,
    /// the settings and the learning curve. An exception or a non-finite metric marks the trial failed.
    /// </summary>
    /// <param name="settings">The trial's id and parameter.</param>
    /// <param name="context">Where to report per-epoch metrics (and learn whether to stop early).</param>
    /// <param name="cancellationToken">Cancelled when the budget runs out or the sweep is cancelled.</param>
    Task<TrialResult> RunAsync(TrialSettings settings, ITrialContext context, CancellationToken cancellationToken);
}
