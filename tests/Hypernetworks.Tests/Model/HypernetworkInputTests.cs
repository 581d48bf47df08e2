using Hypernetworks.Model;

namespace Hypernetworks.Tests.Model;

public class HypernetworkInputTests
{
    [Fact]
    public void Forward_ThrowsForConditioningWidthMismatch()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.SharedTrunk);
        using var net = new Hypernetwork(spec, seed: 1);
        var e = Assert.Throws<ArgumentException>(() => net.Forward(new float[2 * 4], new float[2 * 4], new float[2 * 3]));
        Assert.Equal("conditioning", e.ParamName);
    }

    [Fact]
    public void Forward_ThrowsForDataNotAWholeNumberOfRows()
    {
        using var net = new Hypernetwork(ModelFixtures.TinySpec(GeneratorKind.SharedTrunk), seed: 1);
        var e = Assert.Throws<ArgumentException>(() => net.Forward(new float[6], new float[7], new float[6]));
        Assert.Equal("data", e.ParamName);
    }

    [Fact]
    public void Forward_ThrowsNamingTheRowOfANaNInput()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.SharedTrunk);
        using var net = new Hypernetwork(spec, seed: 1);
        (float[] conditioning, float[] data, _) = ModelFixtures.Batch(spec, rows: 4, distinct: 2, seed: 1);
        data[(2 * spec.InputSize) + 1] = float.NaN;
        var e = Assert.Throws<ArgumentException>(() => net.Forward(conditioning, data, new float[4 * spec.OutputSize]));
        Assert.Contains("row 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeGradients_ThrowsNamingTheRowOfAnInfiniteLabel()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.SharedTrunk);
        using var net = new Hypernetwork(spec, seed: 1);
        (float[] conditioning, float[] data, float[] labels) = ModelFixtures.Batch(spec, rows: 4, distinct: 2, seed: 1);
        labels[3 * spec.OutputSize] = float.PositiveInfinity;
        var e = Assert.Throws<ArgumentException>(() => net.ComputeGradients(conditioning, data, labels));
        Assert.Contains("row 3", e.Message, StringComparison.Ordinal);
        Assert.Equal("labels", e.ParamName);
    }

    [Fact]
    public void ComputeGradients_ThrowsNamingTheRowOfAClassOutOfRange()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.SharedTrunk, task: HypernetworkTask.MulticlassClassification);
        using var net = new Hypernetwork(spec, seed: 1);
        (float[] conditioning, float[] data, float[] labels) = ModelFixtures.Batch(spec, rows: 4, distinct: 2, seed: 1);
        labels[1] = spec.OutputSize;
        var e = Assert.Throws<ArgumentException>(() => net.ComputeGradients(conditioning, data, labels));
        Assert.Contains("row 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_ThrowsNamingTheRowOfAnUnknownEmbeddingKey()
    {
        HypernetworkSpec spec = ModelFixtures.TinySpec(GeneratorKind.SharedTrunk, ConditioningEncoderKind.Embedding);
        using var net = new Hypernetwork(spec, seed: 1);
        (float[] conditioning, float[] data, _) = ModelFixtures.Batch(spec, rows: 4, distinct: 2, seed: 1);
        conditioning[2] = spec.EmbeddingCount;
        var e = Assert.Throws<ArgumentException>(() => net.Forward(conditioning, data, new float[4 * spec.OutputSize]));
        Assert.Contains("row 2", e.Message, StringComparison.Ordinal);
    }
}
