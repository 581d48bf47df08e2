namespace Hypernetworks.MLNet.AutoML;

/// <summary>A claim decision: reclaim <paramref name="Reclaim"/>, or insert <paramref name="NewTrial"/>, or wait/done.</summary>
/// <param name="Kind">The outcome.</param>
/// <param name="Reclaim">The trial to take over.</param>
/// <param name="NewTrial">The new trial to record.</param>
internal sealed record ClaimDecision(TrialClaimKind Kind, TrialRecord? Reclaim, TrialSettings? NewTrial)
{
    /// <summary>Turns the decision into the claim answer after the store applied it.</summary>
    public TrialClaim ToClaim() => Kind != TrialClaimKind.Run
        ? new TrialClaim(Kind)
        : Reclaim is not null
            ? new TrialClaim(TrialClaimKind.Run, Reclaim.ToTrialResult().TrialSettings, IsReclaimed: true)
            : new TrialClaim(TrialClaimKind.Run, NewTrial);
}
