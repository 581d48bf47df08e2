namespace Hypernetworks.Model;

/// <summary>
/// Principled initialisation of the generator heads (Chang, Flokas and Lipson, 2020), so that the generated target
/// weights start with the variance Kaiming or Xavier initialisation would give the target layer.
/// </summary>
public enum InitializationScheme
{
    /// <summary>Hyperfan-in: generated weights have variance gain²/fan_in (Kaiming, fan-in mode); generated biases start at zero.</summary>
    HyperfanIn,

    /// <summary>
    /// Hyperfan-out: generated weights have variance gain²/fan_out; generated biases have variance
    /// max(0, 1 − fan_in/fan_out), which restores the forward variance that fan-out scaling loses.
    /// </summary>
    HyperfanOut,

    /// <summary>The harmonic mean of the fan-in and fan-out variances, 2/(1/v_in + 1/v_out) (Xavier-like); generated biases start at zero.</summary>
    HyperfanHarmonic,
}
