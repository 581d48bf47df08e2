namespace Hypernetworks.Model;

/// <summary>The built-in encoders that turn a conditioning row into the generator's input z.</summary>
public enum ConditioningEncoderKind
{
    /// <summary>The conditioning is a numeric vector used as z directly.</summary>
    Dense,

    /// <summary>The conditioning is one integer key (a task id) that selects a row of a learned embedding table.</summary>
    Embedding,

    /// <summary>An encoder supplied by the caller through the <see cref="Hypernetwork"/> constructor.</summary>
    Custom,

    /// <summary>
    /// Few-shot: the conditioning is a support set (<see cref="HypernetworkSpec.Ways"/> classes of
    /// <see cref="HypernetworkSpec.Shots"/> examples, class by class in label order); z is the class prototypes (the
    /// mean of each class's examples) in label order. No learned parameters: the baseline.
    /// </summary>
    Prototypes,

    /// <summary>
    /// Few-shot: a support set as for <see cref="Prototypes"/>; z is the mean of all its examples, which cannot tell
    /// which class is which label, so a classifier conditioned on it sits at chance. Kept as a documented baseline.
    /// </summary>
    SupportMean,

    /// <summary>
    /// Few-shot: a support set as for <see cref="Prototypes"/>, encoded by a DeepSets network trained end to end with
    /// the hypernetwork: φ on each example with its one-hot label, the mean per class, then ρ on each class's pooled
    /// vector beside the mean over classes; z is ρ's outputs in label order.
    /// </summary>
    DeepSets,
}
