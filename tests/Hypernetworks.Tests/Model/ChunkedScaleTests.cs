using Hypernetworks.Model;
using Hypernetworks.Optimizers;

namespace Hypernetworks.Tests.Model;

public class ChunkedScaleTests
{
    [Fact]
    public void Chunked_GeneratesAMillionParameterTargetWithUnderATenthOfItsParameters()
    {
        var spec = new HypernetworkSpec
        {
            ConditioningSize = 8, InputSize = 1024, TargetLayerSizes = [(1024, 1024), (1024, 4)], HiddenSizes = [32],
            Generator = GeneratorKind.Chunked, ChunkSize = 2048, ChunkEmbeddingSize = 16,
        };
        using var net = new Hypernetwork(spec, seed: 1);
        Assert.True(net.GeneratedParameterCount > 1_000_000);
        Assert.True(net.ParameterCount * 10 < net.GeneratedParameterCount, $"{net.ParameterCount} parameters for a target of {net.GeneratedParameterCount}");

        (float[] conditioning, float[] data, float[] labels) = ModelFixtures.Batch(spec, rows: 8, distinct: 2, seed: 2);
        using var adam = new Adam(net.Parameters, 1e-3f);
        float first = 0, last = 0;
        for (int step = 0; step < 3; step++)
        {
            adam.ZeroGradients();
            last = net.ComputeGradients(conditioning, data, labels);
            first = step == 0 ? last : first;
            adam.Step();
        }

        Assert.True(last < first, $"loss {first} -> {last}");
    }
}
