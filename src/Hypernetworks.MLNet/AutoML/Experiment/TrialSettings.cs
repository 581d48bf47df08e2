namespace Hypernetworks.MLNet.AutoML;

/// <summary>What one trial runs: its id and the parameter the tuner proposed.</summary>
public sealed class TrialSettings
{
    /// <summary>Gets or sets the trial's id, unique within a sweep (and within a shared trial store).</summary>
    public int TrialId { get; set; }

    /// <summary>Gets or sets the parameter (a bag of named values from the search space).</summary>
    public Parameter Parameter { get; set; } = Parameter.CreateNestedParameter();

    /// <summary>Gets or sets when the trial started.</summary>
    public DateTime StartedAtUtc { get; set; }

    /// <summary>Gets or sets when the trial ended, if it has.</summary>
    public DateTime? EndedAtUtc { get; set; }
}
