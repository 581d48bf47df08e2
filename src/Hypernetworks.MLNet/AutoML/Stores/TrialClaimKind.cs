namespace Hypernetworks.MLNet.AutoML;

/// <summary>What a claim on a trial store gave.</summary>
public enum TrialClaimKind
{
    /// <summary>A trial to run: a new one, or one reclaimed from a dead worker.</summary>
    Run,

    /// <summary>Nothing to run now, but other workers' trials are running and might be reclaimed: ask again later.</summary>
    Wait,

    /// <summary>The sweep is done: the trial budget is spent (or the tuner has nothing new) and nothing runs.</summary>
    Done,
}
