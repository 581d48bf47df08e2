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
}
