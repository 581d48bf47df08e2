using Hypernetworks.Model;
using Hypernetworks.Tensors;

namespace Hypernetworks.Tests.Model;

public class HypernetworkApplicationTests
{
    [Theory]
    [InlineData(GeneratorKind.PerLayer)]
    [InlineData(GeneratorKind.SharedTrunk)]
    [InlineData(GeneratorKind.Chunked)]
    [InlineData(GeneratorKind.LowRank)]
    public void Forward_GroupedEqualsPerRow(GeneratorKind kind)
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(kind);
        using var net = new Hypernetwork(spec, seed: 1);
        (float[] conditioning, float[] data, _) = ModelFixtures.Batch(spec, rows: 9, distinct: 2, seed: 2);
        var grouped = new float[9 * spec.OutputSize];
        var perRow = new float[9 * spec.OutputSize];
        net.Forward(conditioning, data, grouped, ApplicationMode.Grouped);
        net.Forward(conditioning, data, perRow, ApplicationMode.PerRow);
        AssertClose(grouped, perRow, 1e-5f);
    }

    [Fact]
    public void ComputeGradients_GroupedEqualsPerRow()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.SharedTrunk);
        using var net = new Hypernetwork(spec, seed: 1);
        (float[] conditioning, float[] data, float[] labels) = ModelFixtures.Batch(spec, rows: 9, distinct: 2, seed: 2);
        float[] grouped = Gradients(net, conditioning, data, labels, ApplicationMode.Grouped);
        float[] perRow = Gradients(net, conditioning, data, labels, ApplicationMode.PerRow);
        AssertClose(grouped, perRow, 1e-4f);
    }

    [Fact]
    public void Forward_SlicedEqualsUnsliced()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.SharedTrunk);
        HypernetworkSpec bounded = new()
        {
            ConditioningSize = spec.ConditioningSize, InputSize = spec.InputSize, TargetLayerSizes = spec.TargetLayerSizes,
            HiddenSizes = spec.HiddenSizes, Activation = spec.Activation, GeneratorActivation = spec.GeneratorActivation,
            MaxGeneratedFloats = 1,
        };
        using var whole = new Hypernetwork(spec, seed: 4);
        using var sliced = new Hypernetwork(bounded, seed: 4);
        (float[] conditioning, float[] data, _) = ModelFixtures.Batch(spec, rows: 8, distinct: 5, seed: 6);
        var a = new float[8 * spec.OutputSize];
        var b = new float[8 * spec.OutputSize];
        whole.Forward(conditioning, data, a);
        sliced.Forward(conditioning, data, b);

        // A slice has fewer rows, so GEMM may pick another kernel with another summation order: equal to rounding.
        AssertClose(a, b, 1e-5f);
    }

    [Theory]
    [InlineData(GeneratorKind.PerLayer)]
    [InlineData(GeneratorKind.SharedTrunk)]
    [InlineData(GeneratorKind.Chunked)]
    [InlineData(GeneratorKind.LowRank)]
    public void Materialize_GivesTheSameOutputsAsForward(GeneratorKind kind)
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(kind);
        using var net = new Hypernetwork(spec, seed: 1);
        (float[] conditioning, float[] data, _) = ModelFixtures.Batch(spec, rows: 5, distinct: 1, seed: 3);
        var expected = new float[5 * spec.OutputSize];
        net.Forward(conditioning, data, expected);
        TargetNetwork target = net.Materialize(conditioning.AsSpan(0, spec.ConditioningSize));
        var actual = new float[5 * spec.OutputSize];
        target.Forward(data, actual);
        AssertClose(expected, actual, 1e-5f);
    }

    [Fact]
    public void SameSeed_GivesBitwiseSameOutputs()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.Chunked);
        (float[] conditioning, float[] data, _) = ModelFixtures.Batch(spec, rows: 6, distinct: 3, seed: 3);
        float[] first = Outputs(spec, 9, conditioning, data);
        float[] second = Outputs(spec, 9, conditioning, data);
        float[] other = Outputs(spec, 10, conditioning, data);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    private static float[] Outputs(HypernetworkSpec spec, ulong seed, float[] conditioning, float[] data)
    {
        using var net = new Hypernetwork(spec, seed);
        var output = new float[data.Length / spec.InputSize * spec.OutputSize];
        net.Forward(conditioning, data, output);
        return output;
    }

    private static float[] Gradients(Hypernetwork net, float[] conditioning, float[] data, float[] labels, ApplicationMode mode)
    {
        foreach (Parameter p in net.Parameters)
        {
            p.Gradient.Clear();
        }

        net.ComputeGradients(conditioning, data, labels, default, mode);
        return [.. net.Parameters.SelectMany(p => p.Gradient.Span.ToArray())];
    }

    private static void AssertClose(float[] expected, float[] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + Math.Abs(expected[i])), $"element {i}: {expected[i]} vs {actual[i]}");
        }
    }
}
