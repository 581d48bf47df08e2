using Hypernetworks.MLNet.Onnx;
using Hypernetworks.Model;
using M = Hypernetworks.MLNet.Onnx.HypernetworkGraphMetadata;

namespace Hypernetworks.MLNet.Tests.Onnx;

public sealed class HypernetworkGraphWriterTests
{
    [Theory]
    [MemberData(nameof(GraphCase.All), MemberType = typeof(GraphCase))]
    public void OnnxRuntime_MatchesEngine(string kind, bool keyed, HypernetworkTask task, bool standardized, int seed)
    {
        using GraphCase c = GraphCase.Create(kind, keyed, task, standardized, seed);
        byte[] model = HypernetworkGraphWriter.Write(c.Network, c.Description);
        Dictionary<string, float[]> onnx = OnnxRun.Run(model, c);
        float[] raw = c.EngineOutputs();
        ExpectedOutputs.AssertMatch(c, raw, onnx);
    }

    [Fact]
    public void OnnxRuntime_MatchesEngine_ForScalarFeatureColumn()
    {
        using GraphCase c = GraphCase.Create("SharedTrunk", false, HypernetworkTask.Regression, true, 3, scalarFeature: true);
        byte[] model = HypernetworkGraphWriter.Write(c.Network, c.Description);
        ExpectedOutputs.AssertMatch(c, c.EngineOutputs(), OnnxRun.Run(model, c));
    }

    [Fact]
    public void OnnxRuntime_GivesNaN_ForMissingKey()
    {
        using GraphCase c = GraphCase.Create("SharedTrunk", true, HypernetworkTask.Regression, false, 1);
        c.Conditioning[0] = 0;
        Dictionary<string, float[]> onnx = OnnxRun.Run(HypernetworkGraphWriter.Write(c.Network, c.Description), c);
        Assert.True(float.IsNaN(onnx[M.ScoreOutput][0]));
        Assert.False(float.IsNaN(onnx[M.ScoreOutput][1]));
    }

    [Fact]
    public void Write_Throws_ForDescriptionThatDoesNotMatchSpec()
    {
        using GraphCase c = GraphCase.Create("SharedTrunk", false, HypernetworkTask.Regression, false, 1);
        ArgumentException e = Assert.Throws<ArgumentException>(() => HypernetworkGraphWriter.Write(c.Network, c.Description with { FeatureSize = 9 }));
        Assert.Contains("FeatureSize", e.Message, StringComparison.Ordinal);
    }
}
