namespace Hypernetworks.MLNet.AutoML;

/// <summary>Where a trial stands in a trial store.</summary>
public enum TrialStatus
{
    /// <summary>Claimed once, then released unfinished (its run was cancelled); the next claim takes it.</summary>
    Pending,

    /// <summary>A worker runs it and heartbeats; without heartbeats it is reclaimed.</summary>
    Running,

    /// <summary>Finished with a metric.</summary>
    Completed,

    /// <summary>Stopped early by successive halving, with the metric it had reached.</summary>
    Stopped,

    /// <summary>Failed (an exception or a non-finite metric).</summary>
    Failed,
}
