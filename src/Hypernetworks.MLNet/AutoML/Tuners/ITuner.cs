namespace Hypernetworks.MLNet.AutoML;

/// <summary>Proposes the parameter of the next trial and learns from finished trials.</summary>
public interface ITuner
{
    /// <summary>Fills in the parameter of the trial <paramref name="settings"/> describes and returns it.</summary>
    /// <param name="settings">The trial to propose for (its id is set).</param>
    TrialSettings Propose(TrialSettings settings);

    /// <summary>
    /// Learns from a finished trial: one this tuner proposed, or one it did not (run by another worker,
    /// or in an earlier process), which it takes as an observation. Failed trials arrive with an
    /// infinite loss.
    /// </summary>
    /// <param name="result">The finished trial.</param>
    void Update(TrialResult result);
}
