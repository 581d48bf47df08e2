using Hypernetworks.MLNet.Onnx;
using Hypernetworks.Model;
using M = Hypernetworks.MLNet.Onnx.HypernetworkGraphMetadata;

namespace Hypernetworks.MLNet.Tests.Onnx;

/// <summary>The learned keys of a continual model in the graph's column description.</summary>
public sealed class LearnedKeysGraphTests
{
    [Fact]
    public void Read_GivesBackTheLearnedKeys()
    {
        using GraphCase c = GraphCase.Create("Chunked", keyed: true, HypernetworkTask.Regression, standardized: true, seed: 2);
        HypernetworkGraphDescription description = c.Description with { LearnedKeys = [0, 2] };
        LoadedHypernetworkGraph loaded = HypernetworkGraphReader.Read(HypernetworkGraphWriter.Write(c.Network, description));
        using Hypernetwork network = loaded.Network;

        Assert.Equal([0, 2], loaded.Description.LearnedKeys);
    }

    [Fact]
    public void Read_LeavesLearnedKeysNullWhenEveryKeyWasLearned()
    {
        using GraphCase c = GraphCase.Create("SharedTrunk", keyed: true, HypernetworkTask.Regression, standardized: false, seed: 2);
        LoadedHypernetworkGraph loaded = HypernetworkGraphReader.Read(HypernetworkGraphWriter.Write(c.Network, c.Description));
        using Hypernetwork network = loaded.Network;

        Assert.Null(loaded.Description.LearnedKeys);
    }

    [Fact]
    public void Read_RejectsALearnedKeyOutsideTheTable()
    {
        using GraphCase c = GraphCase.Create("SharedTrunk", keyed: true, HypernetworkTask.Regression, standardized: false, seed: 2);
        byte[] bytes = HypernetworkGraphWriter.Write(c.Network, c.Description with { LearnedKeys = [0] });
        byte[] edited = GraphMutations.Rewrite(bytes, g => g, m => [.. m.Select(e => e.Key == M.DescriptionKey
            ? new KeyValuePair<string, string>(e.Key, e.Value.Replace("\"LearnedKeys\":[0]", "\"LearnedKeys\":[4000]", StringComparison.Ordinal))
            : e)]);

        HypernetworkModelFormatException e = Assert.Throws<HypernetworkModelFormatException>(() => HypernetworkGraphReader.Read(edited));
        Assert.Contains("LearnedKeys entry 0 is 4000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RejectsLearnedKeysForADenseConditioning()
    {
        using GraphCase c = GraphCase.Create("SharedTrunk", keyed: false, HypernetworkTask.Regression, standardized: false, seed: 2);
        var e = Assert.Throws<ArgumentException>(() => HypernetworkGraphWriter.Write(c.Network, c.Description with { LearnedKeys = [0] }));
        Assert.Contains("only a key column has learned keys", e.Message, StringComparison.Ordinal);
    }
}
