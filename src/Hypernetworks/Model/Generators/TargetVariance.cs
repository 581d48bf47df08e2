using Hypernetworks.Layers;

namespace Hypernetworks.Model.Generators;

/// <summary>
/// The variances that hyperfan initialisation aims the generated target parameters at (Chang et al., 2020).
/// A generated value is θ = h·e + β with head row h and head input e (the trunk output); with β = 0 and
/// h drawn i.i.d. with variance σ², Var(θ) = σ²·E‖e‖², so σ² = Var_target / E‖e‖².
/// </summary>
internal static class TargetVariance
{
    /// <summary>The square of the Kaiming gain of an activation: the factor that keeps forward variance through it.</summary>
    public static float GainSquared(Activation activation) => activation switch
    {
        Activation.Relu => 2f,
        Activation.LeakyRelu => 2f / (1f + (ActivationFunctions.LeakySlope * ActivationFunctions.LeakySlope)),
        Activation.Tanh => 25f / 9f,
        Activation.Gelu or Activation.Silu => 2f,
        _ => 1f,
    };

    /// <summary>The variance of a generated weight of a layer with the given fans.</summary>
    public static float Weight(InitializationScheme scheme, Activation activation, int fanIn, int fanOut)
    {
        float gain = GainSquared(activation);
        float varianceIn = gain / fanIn;
        float varianceOut = gain / fanOut;
        return scheme switch
        {
            InitializationScheme.HyperfanOut => varianceOut,
            InitializationScheme.HyperfanHarmonic => 2f / ((1f / varianceIn) + (1f / varianceOut)),
            _ => varianceIn,
        };
    }

    /// <summary>
    /// The variance of a generated bias. Hyperfan-in keeps the forward variance with the weights alone, so biases
    /// start at zero; hyperfan-out loses forward variance fan_in/fan_out when fan_out &gt; fan_in and the paper
    /// gives it back through the bias.
    /// </summary>
    public static float Bias(InitializationScheme scheme, int fanIn, int fanOut)
        => scheme == InitializationScheme.HyperfanOut ? Math.Max(0f, 1f - ((float)fanIn / fanOut)) : 0f;
}
