using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Model;

namespace Hypernetworks.Tests.Model;

public class HyperfanInitializationTests
{
    private static readonly (int In, int Out)[] Layers = [(48, 96), (96, 24)];

    [Theory]
    [InlineData(GeneratorKind.PerLayer)]
    [InlineData(GeneratorKind.SharedTrunk)]
    [InlineData(GeneratorKind.Chunked)]
    [InlineData(GeneratorKind.LowRank)]
    public void HyperfanIn_GivesKaimingVarianceAtStepZero(GeneratorKind kind)
    {
        // Kaiming (fan-in) for ReLU: Var(W) = 2 / fan_in.
        AssertWeightVariance(kind, InitializationScheme.HyperfanIn, l => 2.0 / Layers[l].In);
    }

    [Theory]
    [InlineData(GeneratorKind.SharedTrunk)]
    [InlineData(GeneratorKind.Chunked)]
    public void HyperfanOut_GivesFanOutVarianceAtStepZero(GeneratorKind kind)
    {
        AssertWeightVariance(kind, InitializationScheme.HyperfanOut, l => 2.0 / Layers[l].Out);
    }

    [Theory]
    [InlineData(GeneratorKind.PerLayer)]
    [InlineData(GeneratorKind.SharedTrunk)]
    [InlineData(GeneratorKind.Chunked)]
    [InlineData(GeneratorKind.LowRank)]
    public void NormalizeTrunkOutput_KeepsKaimingVarianceAtStepZero(GeneratorKind kind)
    {
        AssertWeightVariance(kind, InitializationScheme.HyperfanIn, l => 2.0 / Layers[l].In, normalizeTrunkOutput: true);
    }

    [Theory]
    [InlineData(GeneratorKind.PerLayer)]
    [InlineData(GeneratorKind.SharedTrunk)]
    public void SharedWeightFraction_KeepsKaimingVarianceAtStepZero(GeneratorKind kind)
    {
        AssertWeightVariance(kind, InitializationScheme.HyperfanIn, l => 2.0 / Layers[l].In, sharedWeightFraction: 0.9f);
    }

    [Theory]
    [InlineData(GeneratorKind.SharedTrunk)]
    [InlineData(GeneratorKind.Chunked)]
    public void NormalizeTrunkOutput_ChangesTheGeneratorParameters(GeneratorKind kind)
    {
        using var plain = new Hypernetwork(Spec(kind, InitializationScheme.HyperfanIn), seed: 2);
        using var normalized = new Hypernetwork(Spec(kind, InitializationScheme.HyperfanIn, normalizeTrunkOutput: true), seed: 2);
        double plainNorm = plain.Parameters.Sum(p => p.Value.Span.ToArray().Sum(v => v * (double)v));
        double normalizedNorm = normalized.Parameters.Sum(p => p.Value.Span.ToArray().Sum(v => v * (double)v));
        Assert.NotEqual(plainNorm, normalizedNorm);
    }

    [Fact]
    public void CalibrateInitialization_RestoresTheVarianceForConditionsOfAnotherScale()
    {
        HypernetworkSpec spec = Spec(GeneratorKind.SharedTrunk, InitializationScheme.HyperfanIn);
        using var net = new Hypernetwork(spec, seed: 2);
        float[] conditions = Conditions(spec, 200, scale: 5f);
        net.CalibrateInitialization(conditions);
        for (int l = 0; l < Layers.Length; l++)
        {
            AssertWithin(2.0 / Layers[l].In, WeightVariance(net, spec, conditions, l), l);
        }
    }

    private static void AssertWeightVariance(GeneratorKind kind, InitializationScheme scheme, Func<int, double> expected, bool normalizeTrunkOutput = false, float sharedWeightFraction = 0f)
    {
        HypernetworkSpec spec = Spec(kind, scheme, normalizeTrunkOutput, sharedWeightFraction);
        using var net = new Hypernetwork(spec, seed: 2);
        float[] conditions = Conditions(spec, 200, scale: 1f);
        for (int l = 0; l < Layers.Length; l++)
        {
            AssertWithin(expected(l), WeightVariance(net, spec, conditions, l), l);
        }
    }

    private static void AssertWithin(double expected, double actual, int layer)
        => Assert.True(Math.Abs(actual - expected) <= 0.25 * expected, $"layer {layer}: variance {actual}, expected {expected} ± 25%");

    private static HypernetworkSpec Spec(GeneratorKind kind, InitializationScheme scheme, bool normalizeTrunkOutput = false, float sharedWeightFraction = 0f) => new()
    {
        NormalizeTrunkOutput = normalizeTrunkOutput, SharedWeightFraction = sharedWeightFraction,
        ConditioningSize = 8, InputSize = 48, TargetLayerSizes = Layers, HiddenSizes = [64, 64],
        Activation = Activation.Relu, Generator = kind, Initialization = scheme, ChunkSize = 512, Rank = 8,
    };

    private static float[] Conditions(HypernetworkSpec spec, int count, float scale)
    {
        var random = new SeededRandom(77);
        return [.. Enumerable.Range(0, count * spec.ConditioningSize).Select(_ => scale * random.NextGaussian())];
    }

    /// <summary>The pooled variance of layer l's generated weights over all the conditions.</summary>
    private static double WeightVariance(Hypernetwork net, HypernetworkSpec spec, float[] conditions, int layer)
    {
        double sum = 0, sumSquares = 0;
        long count = 0;
        for (int c = 0; c < conditions.Length / spec.ConditioningSize; c++)
        {
            TargetNetwork target = net.Materialize(conditions.AsSpan(c * spec.ConditioningSize, spec.ConditioningSize));
            foreach (float w in target.Weight(layer))
            {
                sum += w;
                sumSquares += w * (double)w;
                count++;
            }
        }

        double mean = sum / count;
        return (sumSquares / count) - (mean * mean);
    }
}
