namespace Hypernetworks.Model;

/// <summary>How the hypernetwork maps the encoded conditioning to the target network's parameters.</summary>
public enum GeneratorKind
{
    /// <summary>One MLP per target layer, each emitting that layer's weight and bias.</summary>
    PerLayer,

    /// <summary>One trunk MLP shared by all target tensors, then one linear head per target tensor.</summary>
    SharedTrunk,

    /// <summary>
    /// A trunk that reads [z, learned chunk embedding] and one head shared by all chunks, emitting the flattened
    /// target parameters one fixed-size chunk at a time: far fewer parameters than the target.
    /// </summary>
    Chunked,

    /// <summary>A trunk and heads emitting U (out×r), V (in×r) and the bias; the target applies W = U·Vᵀ (+ W₀) without forming it.</summary>
    LowRank,
}
