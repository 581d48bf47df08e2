namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// Proposes a new trial while the store holds its claim lock: it sees every trial of the sweep and the
/// id the new trial will get, and returns the settings, or null when it has nothing new to propose.
/// </summary>
/// <param name="trials">Every trial of the sweep, in id order.</param>
/// <param name="nextTrialId">The id the new trial will get.</param>
public delegate TrialSettings? TrialProposer(IReadOnlyList<TrialRecord> trials, int nextTrialId);
