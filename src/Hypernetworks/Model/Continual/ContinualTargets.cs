namespace Hypernetworks.Model.Continual;

/// <summary>Where the continual regulariser's targets h*(e_t') (the parameters generated for earlier tasks before the new task) come from.</summary>
public enum ContinualTargets
{
    /// <summary>Generated once before the new task and kept as float arrays: one θ per earlier task in memory, no extra compute.</summary>
    Stored,

    /// <summary>Recomputed at every step from a frozen copy of the hypernetwork: one copy of the hypernetwork in memory, one more generation per earlier task and step.</summary>
    FrozenCopy,
}
