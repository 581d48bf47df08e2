using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Model;
using Hypernetworks.Model.Application;
using Hypernetworks.Model.Generators;

namespace Hypernetworks.Tests.Model;

/// <summary>
/// With NormalizeTrunkOutput, the chunked generator's head input has unit mean squared norm (averaged over the
/// chunks) after initialisation and again after calibration to conditions of another scale; without it, it does not.
/// </summary>
public class ChunkedNormalizationTests
{
    private const int Conditioning = 8;
    private const int Samples = 200;

    [Fact]
    public void NormalizeTrunkOutput_GivesTheHeadInputUnitMeanSquaredNorm_AfterInitialisationAndCalibration()
    {
        using ChunkedGenerator generator = Generator(normalize: true);
        float[] unit = Conditions(scale: 1f);
        float[] larger = Conditions(scale: 5f);
        generator.Initialize(new SeededRandom(3), unit, Samples);
        Assert.Equal(1.0, generator.HeadInputMoments(unit, Samples).Average(), 0.01);

        generator.Calibrate(larger, Samples);
        Assert.Equal(1.0, generator.HeadInputMoments(larger, Samples).Average(), 0.01);
    }

    [Fact]
    public void WithoutNormalizeTrunkOutput_TheHeadInputKeepsTheTrunksOwnScale()
    {
        using ChunkedGenerator generator = Generator(normalize: false);
        float[] unit = Conditions(scale: 1f);
        generator.Initialize(new SeededRandom(3), unit, Samples);
        Assert.True(generator.HeadInputMoments(unit, Samples).Average() > 2.0, "A Kaiming trunk of 64 units should give a head input far above unit norm.");
    }

    private static ChunkedGenerator Generator(bool normalize)
    {
        var spec = new HypernetworkSpec
        {
            ConditioningSize = Conditioning, InputSize = 48, TargetLayerSizes = [(48, 96), (96, 24)], HiddenSizes = [64, 64],
            Activation = Activation.Relu, Generator = GeneratorKind.Chunked, ChunkSize = 512,
        };
        return new ChunkedGenerator(Conditioning, new TargetLayout(spec), spec.HiddenSizes, Activation.Relu, spec.ChunkSize, spec.ChunkEmbeddingSize, normalize);
    }

    private static float[] Conditions(float scale)
    {
        var random = new SeededRandom(77);
        return [.. Enumerable.Range(0, Samples * Conditioning).Select(_ => scale * random.NextGaussian())];
    }
}
