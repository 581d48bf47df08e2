using Hypernetworks.Initialization;
using Hypernetworks.Layers;

namespace Hypernetworks.Tests.Initialization;

public class InitializersTests
{
    private const int Count = 100_000;

    public static TheoryData<string> InitializerNames() => ["XavierUniform", "XavierNormal", "KaimingUniform", "KaimingNormal", "Uniform", "Normal"];

    [Fact]
    public void XavierUniform_StaysWithinBoundWithUniformVariance()
    {
        float[] values = new float[Count];
        Initializers.XavierUniform(values, 64, 32, new SeededRandom(71), gain: 2f);
        double bound = 2.0 * Math.Sqrt(6.0 / 96);
        Assert.All(values, v => Assert.InRange(v, -bound, bound));
        AssertMoments(values, 0, bound * bound / 3);
    }

    [Fact]
    public void XavierNormal_HasExpectedVariance()
    {
        float[] values = new float[Count];
        Initializers.XavierNormal(values, 64, 32, new SeededRandom(72));
        AssertMoments(values, 0, 2.0 / 96);
    }

    [Fact]
    public void KaimingUniform_StaysWithinBoundWithVarianceTwoOverFanIn()
    {
        float[] values = new float[Count];
        Initializers.KaimingUniform(values, 50, new SeededRandom(73));
        double bound = Math.Sqrt(2.0) * Math.Sqrt(3.0 / 50);
        Assert.All(values, v => Assert.InRange(v, -bound, bound));
        AssertMoments(values, 0, 2.0 / 50);
    }

    [Fact]
    public void KaimingNormal_HasVarianceGainSquaredOverFanIn()
    {
        float[] values = new float[Count];
        Initializers.KaimingNormal(values, 50, new SeededRandom(74), gain: 5f / 3f);
        AssertMoments(values, 0, 25.0 / 9 / 50);
    }

    [Fact]
    public void Uniform_StaysInRangeWithMidpointMean()
    {
        float[] values = new float[Count];
        Initializers.Uniform(values, 2f, 5f, new SeededRandom(75));
        Assert.All(values, v => Assert.InRange(v, 2f, 5f));
        AssertMoments(values, 3.5, 9.0 / 12);
    }

    [Fact]
    public void Normal_HasRequestedMeanAndStandardDeviation()
    {
        float[] values = new float[Count];
        Initializers.Normal(values, -1f, 0.5f, new SeededRandom(76));
        AssertMoments(values, -1, 0.25);
    }

    [Theory]
    [MemberData(nameof(InitializerNames))]
    public void SameSeed_GivesBitwiseSameValues(string name)
    {
        float[] first = new float[1000];
        float[] second = new float[1000];
        Fill(name, first, new SeededRandom(77));
        Fill(name, second, new SeededRandom(77));
        Assert.Equal(first.Select(BitConverter.SingleToInt32Bits), second.Select(BitConverter.SingleToInt32Bits));
    }

    [Theory]
    [MemberData(nameof(InitializerNames))]
    public void DifferentSeeds_GiveDifferentValues(string name)
    {
        float[] first = new float[100];
        float[] second = new float[100];
        Fill(name, first, new SeededRandom(1));
        Fill(name, second, new SeededRandom(2));
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(Activation.Relu, 1.4142135623730951)]
    [InlineData(Activation.LeakyRelu, 1.4141428569978354)]
    [InlineData(Activation.Tanh, 1.6666666666666667)]
    [InlineData(Activation.Identity, 1.0)]
    [InlineData(Activation.Sigmoid, 1.0)]
    [InlineData(Activation.Gelu, 1.0)]
    [InlineData(Activation.Silu, 1.0)]
    public void Gain_MatchesTorchCalculateGain(Activation activation, double expected)
    {
        Assert.Equal(expected, Initializers.Gain(activation), 1e-6);
    }

    [Fact]
    public void XavierUniform_ThrowsForNonPositiveFanIn()
    {
        Assert.Throws<ArgumentOutOfRangeException>("fanIn", () => Initializers.XavierUniform(new float[4], 0, 2, new SeededRandom(1)));
    }

    [Fact]
    public void KaimingNormal_ThrowsForNegativeGain()
    {
        Assert.Throws<ArgumentOutOfRangeException>("gain", () => Initializers.KaimingNormal(new float[4], 2, new SeededRandom(1), -1f));
    }

    [Fact]
    public void Uniform_ThrowsWhenLowExceedsHigh()
    {
        Assert.Throws<ArgumentException>("high", () => Initializers.Uniform(new float[4], 1f, 0f, new SeededRandom(1)));
    }

    [Fact]
    public void Normal_ThrowsForNegativeStandardDeviation()
    {
        Assert.Throws<ArgumentOutOfRangeException>("standardDeviation", () => Initializers.Normal(new float[4], 0f, -1f, new SeededRandom(1)));
    }

    private static void Fill(string name, float[] values, SeededRandom random)
    {
        switch (name)
        {
            case "XavierUniform": Initializers.XavierUniform(values, 10, 20, random); break;
            case "XavierNormal": Initializers.XavierNormal(values, 10, 20, random); break;
            case "KaimingUniform": Initializers.KaimingUniform(values, 10, random); break;
            case "KaimingNormal": Initializers.KaimingNormal(values, 10, random); break;
            case "Uniform": Initializers.Uniform(values, -1f, 1f, random); break;
            case "Normal": Initializers.Normal(values, 0f, 1f, random); break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown initializer.");
        }
    }

    // With 100 000 samples the sample variance is within 2% of the truth far beyond 5 standard errors.
    private static void AssertMoments(float[] values, double expectedMean, double expectedVariance)
    {
        double mean = values.Average(v => (double)v);
        double variance = values.Average(v => ((double)v - mean) * ((double)v - mean));
        Assert.InRange(mean, expectedMean - (0.02 * Math.Sqrt(expectedVariance)), expectedMean + (0.02 * Math.Sqrt(expectedVariance)));
        Assert.InRange(variance, 0.98 * expectedVariance, 1.02 * expectedVariance);
    }
}
