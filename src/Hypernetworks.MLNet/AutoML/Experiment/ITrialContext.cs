namespace Hypernetworks.MLNet.AutoML;

/// <summary>What a running trial may ask of the experiment.</summary>
public interface ITrialContext
{
    /// <summary>Gets the trial's id.</summary>
    int TrialId { get; }

    /// <summary>Gets how many threads the trial should use, so parallel trials share the cores.</summary>
    int MaxDegreeOfParallelism { get; }

    /// <summary>Gets whether early stopping has asked the trial to stop.</summary>
    bool IsStopRequested { get; }

    /// <summary>
    /// Reports the validation metric after an epoch. Returns false when early stopping judges the trial
    /// poor: the trial should then stop training and return its result so far.
    /// </summary>
    /// <param name="epoch">The epoch, counted from 1.</param>
    /// <param name="metric">The validation metric after it.</param>
    bool ReportIntermediate(int epoch, double metric);
}
