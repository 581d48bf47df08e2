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

    /// <summary>
    /// Called once with the sweep's best trial before it is returned: a runner may train its final model
    /// here (on more data, or because another worker ran the trial and its model is not in this process).
    /// The default returns the trial as it is.
    /// </summary>
    /// <param name="best">The best trial.</param>
    /// <param name="cancellationToken">Cancels the final training.</param>
    Task<TrialResult> CompleteBestTrialAsync(TrialResult best, CancellationToken cancellationToken) => Task.FromResult(best);
}
