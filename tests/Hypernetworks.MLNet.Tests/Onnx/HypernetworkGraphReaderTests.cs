using Hypernetworks.MLNet.Onnx;
using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Tests.Onnx;

public sealed class HypernetworkGraphReaderTests
{
    [Theory]
    [MemberData(nameof(GraphCase.All), MemberType = typeof(GraphCase))]
    public void Read_RebuildsModel_WithBitwiseEqualPredictions(string kind, bool keyed, HypernetworkTask task, bool standardized, int seed)
    {
        using GraphCase c = GraphCase.Create(kind, keyed, task, standardized, seed);
        byte[] model = HypernetworkGraphWriter.Write(c.Network, c.Description);
        LoadedHypernetworkGraph loaded = HypernetworkGraphReader.Read(model);
        using Hypernetwork network = loaded.Network;
        Assert.Equal(c.EngineOutputs(), c.EngineOutputs(network));
        Assert.Equal(c.Description.FeatureMean, loaded.Description.FeatureMean);
        Assert.Equal(c.Description.FeatureScale, loaded.Description.FeatureScale);
        Assert.Equal(c.Description.ConditioningMean, loaded.Description.ConditioningMean);
        Assert.Equal(c.Description.ClassNames, loaded.Description.ClassNames);
        Assert.Equal(c.Description.ConditioningColumnName, loaded.Description.ConditioningColumnName);
        Assert.Equal(model, HypernetworkGraphWriter.Write(network, loaded.Description));
    }

    [Theory]
    [MemberData(nameof(GraphCase.All), MemberType = typeof(GraphCase))]
    public void ParameterBudget_CountsEveryStoredFloat(string kind, bool keyed, HypernetworkTask task, bool standardized, int seed)
    {
        using GraphCase c = GraphCase.Create(kind, keyed, task, standardized, seed);
        long chunkScale = c.Spec.Generator == GeneratorKind.Chunked ? (c.Network.GeneratedParameterCount + c.Spec.ChunkSize - 1) / c.Spec.ChunkSize * c.Spec.ChunkSize : 0;
        Assert.Equal(c.Network.ParameterCount + chunkScale, ParameterBudget.StoredFloats(c.Spec));
    }

    [Fact]
    public void IsOurs_TellsOurGraphsFromOthers()
    {
        using GraphCase c = GraphCase.Create("Chunked", false, HypernetworkTask.Regression, true, 2);
        Assert.True(HypernetworkGraphReader.IsOurs(HypernetworkGraphWriter.Write(c.Network, c.Description)));
        Assert.False(HypernetworkGraphReader.IsOurs(ForeignGraph()));
        Assert.False(HypernetworkGraphReader.IsOurs([1, 2, 3]));
    }

    [Fact]
    public void Read_RejectsGraphThatIsNotOurs_WithClearMessage()
    {
        HypernetworkModelFormatException e = Assert.Throws<HypernetworkModelFormatException>(() => HypernetworkGraphReader.Read(ForeignGraph()));
        Assert.Contains("not a hypernetwork saved by Hypernetworks.MLNet", e.Message, StringComparison.Ordinal);
        Assert.Contains("producer 'someone-else'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RejectsMaterialisedTargetNetwork_WithClearMessage()
    {
        using GraphCase c = GraphCase.Create("SharedTrunk", false, HypernetworkTask.Regression, false, 2);
        byte[] target = TargetNetworkGraphWriter.Write(c.Network.Materialize(c.EngineConditioning().AsSpan(0, c.Spec.ConditioningSize)), "Features", HypernetworkTask.Regression);
        HypernetworkModelFormatException e = Assert.Throws<HypernetworkModelFormatException>(() => HypernetworkGraphReader.Read(target));
        Assert.Contains("materialised target network", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RejectsMissingInitializer_NamingIt()
    {
        using GraphCase c = GraphCase.Create("LowRankBase", false, HypernetworkTask.Regression, false, 2);
        byte[] bytes = GraphMutations.Rewrite(HypernetworkGraphWriter.Write(c.Network, c.Description), g => g with { Initializers = [.. g.Initializers.Where(t => t.Name != "target.layer1.base")] });
        HypernetworkModelFormatException e = Assert.Throws<HypernetworkModelFormatException>(() => HypernetworkGraphReader.Read(bytes));
        Assert.Contains("lacks initializer 'target.layer1.base'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RejectsWrongShape_NamingIt()
    {
        using GraphCase c = GraphCase.Create("PerLayer", false, HypernetworkTask.Regression, false, 2);
        byte[] bytes = GraphMutations.Rewrite(HypernetworkGraphWriter.Write(c.Network, c.Description), g => g with
        {
            Initializers = [.. g.Initializers.Select(t => t.Name == "generator.layer0.trunk.0.weight" ? new OnnxTensor(t.Name, t.ElementType, [9, 3], t.RawData) : t)],
        });
        HypernetworkModelFormatException e = Assert.Throws<HypernetworkModelFormatException>(() => HypernetworkGraphReader.Read(bytes));
        Assert.Contains("'generator.layer0.trunk.0.weight' is Float[9, 3]; the spec implies Float[8, 3]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RejectsHugeDeclaredSizes_BeforeAllocating()
    {
        using GraphCase c = GraphCase.Create("SharedTrunk", false, HypernetworkTask.Regression, false, 3);
        byte[] bytes = GraphMutations.EditSpec(HypernetworkGraphWriter.Write(c.Network, c.Description), json => json.Replace("\"HiddenSizes\":[8,9]", "\"HiddenSizes\":[16000000,16000000]", StringComparison.Ordinal));
        long before = GC.GetAllocatedBytesForCurrentThread();
        HypernetworkModelFormatException e = Assert.Throws<HypernetworkModelFormatException>(() => HypernetworkGraphReader.Read(bytes));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10 * bytes.Length + (1 << 20));
        Assert.Contains("stored floats", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RejectsTruncatedGraph()
    {
        using GraphCase c = GraphCase.Create("Chunked", true, HypernetworkTask.MulticlassClassification, false, 3);
        byte[] bytes = HypernetworkGraphWriter.Write(c.Network, c.Description);
        Assert.Throws<HypernetworkModelFormatException>(() => HypernetworkGraphReader.Read(bytes[..(bytes.Length / 2)]));
    }

    [Fact]
    public void Read_RejectsChangedWeight_ByChecksum()
    {
        using GraphCase c = GraphCase.Create("SharedTrunk", false, HypernetworkTask.Regression, false, 3);
        byte[] bytes = GraphMutations.Rewrite(HypernetworkGraphWriter.Write(c.Network, c.Description), g => g with
        {
            Initializers = [.. g.Initializers.Select(t => t.Name == "generator.trunk.0.bias" ? OnnxTensor.FromFloats(t.Name, new float[8], 8) : t)],
        });
        HypernetworkModelFormatException e = Assert.Throws<HypernetworkModelFormatException>(() => HypernetworkGraphReader.Read(bytes));
        Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RejectsEditedSpecField_ThatDoesNotShapeTheGraph()
    {
        using GraphCase c = GraphCase.Create("SharedTrunk", false, HypernetworkTask.Regression, false, 3);
        byte[] bytes = GraphMutations.EditSpec(HypernetworkGraphWriter.Write(c.Network, c.Description), json => json.Replace("\"MaxGeneratedFloats\":67108864", "\"MaxGeneratedFloats\":1000", StringComparison.Ordinal));
        HypernetworkModelFormatException e = Assert.Throws<HypernetworkModelFormatException>(() => HypernetworkGraphReader.Read(bytes));
        Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
    }

    private static byte[] ForeignGraph()
    {
        var graph = new OnnxGraph("other", [new OnnxNode("relu", "Relu", "", ["x"], ["y"], [])], [], [new OnnxValueInfo("x", OnnxElementType.Float, [null, 3])], [new OnnxValueInfo("y", OnnxElementType.Float, [null, 3])]);
        return OnnxProtoWriter.Write(new OnnxModel(8, [("", 17)], "someone-else", "1.0", graph, []));
    }
}
