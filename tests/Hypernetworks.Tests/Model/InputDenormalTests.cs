using Hypernetworks.Model;
using Hypernetworks.Optimizers;
using Hypernetworks.Tensors;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Model;

/// <summary>
/// Inputs from outside the engine are flushed as they are copied in: denormal data, conditions and regression
/// labels score and train exactly as zeros would, and nothing inside becomes a denormal.
/// </summary>
public class InputDenormalTests
{
    public static TheoryData<GeneratorKind> Kinds() => [GeneratorKind.PerLayer, GeneratorKind.SharedTrunk, GeneratorKind.Chunked, GeneratorKind.LowRank];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Forward_WithDenormalInputs_ScoresAsZeros(GeneratorKind kind)
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(kind);
        using var net = new Hypernetwork(spec, seed: 11);
        (float[] conditioning, float[] data, _) = ModelFixtures.Batch(spec, rows: 6, distinct: 3, seed: 12);
        float[] zeroed = [.. data];
        for (int i = 0; i < data.Length; i += 3)
        {
            data[i] = i % 2 == 0 ? 1e-40f : -1e-39f;
            zeroed[i] = 0f;
        }

        var output = new float[6 * spec.OutputSize];
        var expected = new float[6 * spec.OutputSize];
        net.Forward(conditioning, data, output);
        net.Forward(conditioning, zeroed, expected);

        Assert.Equal(expected, output);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ComputeGradients_WithDenormalConditionsAndLabels_GivesNoDenormalGradient(GeneratorKind kind)
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(kind);
        using var net = new Hypernetwork(spec, seed: 13);
        (float[] conditioning, float[] data, float[] labels) = ModelFixtures.Batch(spec, rows: 6, distinct: 2, seed: 14);
        Subnormals.Fill(conditioning.AsSpan(0, spec.ConditioningSize));
        Subnormals.Fill(labels);
        net.ComputeGradients(conditioning, data, labels);

        foreach (Parameter parameter in net.Parameters)
        {
            Subnormals.AssertNone(parameter.Gradient.Span, parameter.Name + ".grad");
        }
    }

    [Fact]
    public void ClipByGlobalNorm_ScalingTinyGradients_WritesNoDenormal()
    {
        using var parameter = new Parameter("w", 29);
        Span<float> gradient = parameter.Gradient.Span;
        gradient.Fill(1e-36f);
        gradient[0] = 1e6f;
        GradientClipping.ClipByGlobalNorm([parameter], maxNorm: 1f);

        Subnormals.AssertNone(parameter.Gradient.Span, "w.grad");
        Assert.Equal(1f, parameter.Gradient.Span[0], 1e-5f);
        Assert.Equal(0f, parameter.Gradient.Span[1]);
    }
}
