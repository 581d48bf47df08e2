using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Model;
using Hypernetworks.Model.Generators;
using Hypernetworks.Tensors;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Model;

/// <summary>
/// Generated weights and the trunk's normalisation stay out of float's denormal range: a generator whose
/// parameters were all set to denormals generates exact zeros, and a trunk is not rescaled by a norm measured
/// down there.
/// </summary>
public class GeneratedWeightDenormalTests
{
    public static TheoryData<GeneratorKind> Kinds() => [GeneratorKind.PerLayer, GeneratorKind.SharedTrunk, GeneratorKind.Chunked, GeneratorKind.LowRank];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Materialize_WithDenormalGeneratorParameters_GivesNoDenormalWeight(GeneratorKind kind)
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(kind, activation: Activation.Relu);
        using var net = new Hypernetwork(spec, seed: 5);
        foreach (Parameter parameter in net.Parameters)
        {
            Subnormals.Fill(parameter.Value.Span);
        }

        TargetNetwork target = net.Materialize([1e-39f, 2f, -1f]);

        for (int l = 0; l < target.LayerSizes.Count; l++)
        {
            Subnormals.AssertNone(target.Weight(l), $"W{l}");
            Subnormals.AssertNone(target.Bias(l), $"b{l}");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ComputeGradients_WithDenormalGeneratorParameters_GivesNoDenormalGradientOrOutput(GeneratorKind kind)
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(kind, task: HypernetworkTask.MulticlassClassification, activation: Activation.Sigmoid);
        using var net = new Hypernetwork(spec, seed: 6);
        foreach (Parameter parameter in net.Parameters)
        {
            Subnormals.Fill(parameter.Value.Span);
        }

        (float[] conditioning, float[] data, float[] labels) = ModelFixtures.Batch(spec, rows: 8, distinct: 2, seed: 7);
        float loss = net.ComputeGradients(conditioning, data, labels);
        var output = new float[8 * spec.OutputSize];
        net.Forward(conditioning, data, output);

        Assert.True(float.IsFinite(loss));
        Subnormals.AssertNone(output, "output");
        foreach (Parameter parameter in net.Parameters)
        {
            Subnormals.AssertNone(parameter.Gradient.Span, parameter.Name + ".grad");
        }
    }

    [Fact]
    public void NormalizeOutput_ForANormBelowTheThreshold_ChangesNothing()
    {
        using var trunk = new Trunk(3, [4], Activation.Relu, "t");
        trunk.Initialize(new SeededRandom(8));
        float[] before = [.. trunk.Parameters().SelectMany(p => p.Value.Span.ToArray())];

        Assert.False(trunk.NormalizeOutput(1e-40f));
        Assert.False(trunk.NormalizeOutput(5e-31f));
        Assert.Equal(before, trunk.Parameters().SelectMany(p => p.Value.Span.ToArray()));
    }

    [Fact]
    public void NormalizeOutput_ScalingTinyWeightsDown_FlushesThemToZero()
    {
        using var trunk = new Trunk(3, [4], Activation.Relu, "t");
        trunk.Initialize(new SeededRandom(9));
        Parameter weight = trunk.Parameters().First();
        weight.Value.Span[..4].Fill(1e-29f);

        Assert.True(trunk.NormalizeOutput(1e4f));

        Subnormals.AssertNone(weight.Value.Span, weight.Name);
        Assert.Equal([0f, 0f, 0f, 0f], weight.Value.Span[..4].ToArray());
        Assert.True(weight.Value.Span[4] != 0f);
    }
}
