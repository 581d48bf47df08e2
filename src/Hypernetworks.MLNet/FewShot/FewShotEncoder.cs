namespace Hypernetworks.MLNet;

/// <summary>How a few-shot hypernetwork turns a support set into its conditioning.</summary>
public enum FewShotEncoder
{
    /// <summary>A DeepSets network trained end to end with the hypernetwork (the default, and the better one).</summary>
    DeepSets,

    /// <summary>The class prototypes (each class's mean example) in label order: the baseline.</summary>
    Prototypes,

    /// <summary>The mean of the whole support set, blind to the labels: a documented baseline that sits at chance.</summary>
    SupportMean,
}
