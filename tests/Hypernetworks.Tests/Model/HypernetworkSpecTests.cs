using Hypernetworks.Model;

namespace Hypernetworks.Tests.Model;

public class HypernetworkSpecTests
{
    [Fact]
    public void Validate_ThrowsForLayersThatDoNotChain()
    {
        var spec = new HypernetworkSpec { ConditioningSize = 2, InputSize = 4, TargetLayerSizes = [(4, 8), (6, 2)] };
        var e = Assert.Throws<ArgumentException>(spec.Validate);
        Assert.Contains("layer 1 reads 6 inputs but layer 0 emits 8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ThrowsWhenTheFirstLayerDoesNotReadTheInput()
    {
        var spec = new HypernetworkSpec { ConditioningSize = 2, InputSize = 5, TargetLayerSizes = [(4, 8)] };
        var e = Assert.Throws<ArgumentException>(spec.Validate);
        Assert.Equal(nameof(HypernetworkSpec.TargetLayerSizes), e.ParamName);
    }

    [Fact]
    public void Validate_ThrowsForNonPositiveSizes()
    {
        var spec = new HypernetworkSpec { ConditioningSize = 2, InputSize = 4, TargetLayerSizes = [(4, 8)], HiddenSizes = [16, 0] };
        var e = Assert.Throws<ArgumentException>(spec.Validate);
        Assert.Equal(nameof(HypernetworkSpec.HiddenSizes), e.ParamName);
    }

    [Fact]
    public void Validate_ThrowsForASharedWeightFractionOfOne()
    {
        var spec = new HypernetworkSpec { ConditioningSize = 2, InputSize = 4, TargetLayerSizes = [(4, 3)], SharedWeightFraction = 1f };
        var e = Assert.Throws<ArgumentException>(spec.Validate);
        Assert.Equal(nameof(HypernetworkSpec.SharedWeightFraction), e.ParamName);
    }

    [Fact]
    public void Validate_ThrowsForARankOutOfRange()
    {
        var spec = new HypernetworkSpec { ConditioningSize = 2, InputSize = 4, TargetLayerSizes = [(4, 3)], Generator = GeneratorKind.LowRank, Rank = 4 };
        var e = Assert.Throws<ArgumentException>(spec.Validate);
        Assert.Equal(nameof(HypernetworkSpec.Rank), e.ParamName);
    }

    [Fact]
    public void Validate_ThrowsForAChunkLargerThanTheTarget()
    {
        var spec = new HypernetworkSpec { ConditioningSize = 2, InputSize = 4, TargetLayerSizes = [(4, 3)], Generator = GeneratorKind.Chunked, ChunkSize = 100 };
        var e = Assert.Throws<ArgumentException>(spec.Validate);
        Assert.Equal(nameof(HypernetworkSpec.ChunkSize), e.ParamName);
    }

    [Fact]
    public void Validate_ThrowsForAnEmbeddingWithoutKeys()
    {
        var spec = new HypernetworkSpec { ConditioningSize = 1, InputSize = 4, TargetLayerSizes = [(4, 3)], Encoder = ConditioningEncoderKind.Embedding };
        var e = Assert.Throws<ArgumentException>(spec.Validate);
        Assert.Equal(nameof(HypernetworkSpec.EmbeddingCount), e.ParamName);
    }
}
