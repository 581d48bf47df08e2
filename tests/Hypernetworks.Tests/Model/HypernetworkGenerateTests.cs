using Hypernetworks.Model;

namespace Hypernetworks.Tests.Model;

public class HypernetworkGenerateTests
{
    [Theory]
    [InlineData(GeneratorKind.SharedTrunk)]
    [InlineData(GeneratorKind.Chunked)]
    public void Generate_WritesTheParametersMaterializeUses(GeneratorKind kind)
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(kind, ConditioningEncoderKind.Embedding);
        using var net = new Hypernetwork(spec, seed: 3);
        var theta = new float[2 * net.GeneratedParameterCount];
        net.Generate([1f, 3f], theta);

        TargetNetwork target = net.Materialize([3f]);
        ReadOnlySpan<float> second = theta.AsSpan(net.GeneratedParameterCount);
        int offset = 0;
        for (int l = 0; l < spec.TargetLayerSizes.Count; l++)
        {
            (int inSize, int outSize) = spec.TargetLayerSizes[l];
            Assert.Equal(target.Weight(l).ToArray(), second.Slice(offset, inSize * outSize).ToArray());
            offset += inSize * outSize;
            Assert.Equal(target.Bias(l).ToArray(), second.Slice(offset, outSize).ToArray());
            offset += outSize;
        }
    }

    [Fact]
    public void Generate_ThrowsForAThetaOfTheWrongSize()
    {
        using var net = new Hypernetwork(ModelFixtures.TinySpec(GeneratorKind.SharedTrunk, ConditioningEncoderKind.Embedding), seed: 3);
        var e = Assert.Throws<ArgumentException>(() => net.Generate([1f], new float[net.GeneratedParameterCount + 1]));
        Assert.Equal("theta", e.ParamName);
    }

    [Fact]
    public void Generate_ThrowsForAnUnknownKey()
    {
        using var net = new Hypernetwork(ModelFixtures.TinySpec(GeneratorKind.SharedTrunk, ConditioningEncoderKind.Embedding), seed: 3);
        var e = Assert.Throws<ArgumentException>(() => net.Generate([9f], new float[net.GeneratedParameterCount]));
        Assert.Contains("key 9", e.Message, StringComparison.Ordinal);
    }
}
