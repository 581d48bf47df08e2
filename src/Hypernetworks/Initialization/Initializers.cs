using Hypernetworks.Layers;

namespace Hypernetworks.Initialization;

/// <summary>
/// Weight initialisers as PyTorch's <c>torch.nn.init</c> defines them, drawing from a <see cref="SeededRandom"/>
/// so that the same seed fills bitwise the same numbers.
/// </summary>
public static class Initializers
{
    /// <summary>Glorot/Xavier uniform: U(−a, a) with a = gain·√(6 / (fanIn + fanOut)).</summary>
    public static void XavierUniform(Span<float> values, int fanIn, int fanOut, SeededRandom random, float gain = 1f)
    {
        CheckFans(fanIn, fanOut);
        CheckGain(gain);
        float bound = (float)(gain * Math.Sqrt(6.0 / ((double)fanIn + fanOut)));
        Uniform(values, -bound, bound, random);
    }

    /// <summary>Glorot/Xavier normal: N(0, σ²) with σ = gain·√(2 / (fanIn + fanOut)).</summary>
    public static void XavierNormal(Span<float> values, int fanIn, int fanOut, SeededRandom random, float gain = 1f)
    {
        CheckFans(fanIn, fanOut);
        CheckGain(gain);
        Normal(values, 0f, (float)(gain * Math.Sqrt(2.0 / ((double)fanIn + fanOut))), random);
    }

    /// <summary>He/Kaiming uniform (fan-in mode): U(−a, a) with a = gain·√(3 / fanIn); the default gain suits ReLU.</summary>
    public static void KaimingUniform(Span<float> values, int fanIn, SeededRandom random, float gain = 1.41421356f)
    {
        CheckFans(fanIn, 1);
        CheckGain(gain);
        float bound = (float)(gain * Math.Sqrt(3.0 / fanIn));
        Uniform(values, -bound, bound, random);
    }

    /// <summary>He/Kaiming normal (fan-in mode): N(0, σ²) with σ = gain / √fanIn; the default gain suits ReLU.</summary>
    public static void KaimingNormal(Span<float> values, int fanIn, SeededRandom random, float gain = 1.41421356f)
    {
        CheckFans(fanIn, 1);
        CheckGain(gain);
        Normal(values, 0f, (float)(gain / Math.Sqrt(fanIn)), random);
    }

    /// <summary>Fills <paramref name="values"/> from U(<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static void Uniform(Span<float> values, float low, float high, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!float.IsFinite(low) || !float.IsFinite(high) || low > high)
        {
            throw new ArgumentException($"The uniform range [{low}, {high}) must be finite with low <= high.", nameof(high));
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.NextFloat(low, high);
        }
    }

    /// <summary>Fills <paramref name="values"/> from N(<paramref name="mean"/>, <paramref name="standardDeviation"/>²).</summary>
    public static void Normal(Span<float> values, float mean, float standardDeviation, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!float.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "The mean must be finite.");
        }

        if (!float.IsFinite(standardDeviation) || standardDeviation < 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "The standard deviation must be finite and non-negative.");
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] = mean + (standardDeviation * random.NextGaussian());
        }
    }

    /// <summary>
    /// The recommended gain for an activation, as <c>torch.nn.init.calculate_gain</c>: √2 for ReLU,
    /// √(2 / (1 + slope²)) for leaky ReLU, 5/3 for tanh, 1 otherwise.
    /// </summary>
    public static float Gain(Activation activation) => activation switch
    {
        Activation.Relu => MathF.Sqrt(2f),
        Activation.LeakyRelu => (float)Math.Sqrt(2.0 / (1.0 + ((double)ActivationFunctions.LeakySlope * ActivationFunctions.LeakySlope))),
        Activation.Tanh => 5f / 3f,
        Activation.Identity or Activation.Sigmoid or Activation.Gelu or Activation.Silu => 1f,
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, $"Unknown activation {activation}."),
    };

    private static void CheckFans(int fanIn, int fanOut)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanIn);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanOut);
    }

    private static void CheckGain(float gain)
    {
        if (!float.IsFinite(gain) || gain < 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(gain), gain, "The gain must be finite and non-negative.");
        }
    }
}
