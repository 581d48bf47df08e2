namespace Hypernetworks.MLNet.AutoML;

/// <summary>The answer to a claim on a trial store.</summary>
/// <param name="Kind">Whether there is a trial to run.</param>
/// <param name="Settings">The trial to run, when <paramref name="Kind"/> is <see cref="TrialClaimKind.Run"/>.</param>
/// <param name="IsReclaimed">Whether the trial was claimed before (by a worker that died or released it).</param>
public sealed record TrialClaim(TrialClaimKind Kind, TrialSettings? Settings = null, bool IsReclaimed = false);
