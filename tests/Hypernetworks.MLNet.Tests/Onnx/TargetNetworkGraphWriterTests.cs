using Hypernetworks.MLNet.Onnx;
using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Tests.Onnx;

public sealed class TargetNetworkGraphWriterTests
{
    [Theory]
    [MemberData(nameof(GraphCase.All), MemberType = typeof(GraphCase))]
    public void OnnxRuntime_MatchesMaterializedNetwork(string kind, bool keyed, HypernetworkTask task, bool standardized, int seed)
    {
        using GraphCase c = GraphCase.Create(kind, keyed, task, standardized, seed);
        int width = c.Spec.ConditioningSize;
        float[] condition = c.EngineConditioning()[..width];
        TargetNetwork target = c.Network.Materialize(condition);
        byte[] model = TargetNetworkGraphWriter.Write(target, c.Description.FeatureColumnName, task, c.Description.FeatureMean, c.Description.FeatureScale, c.Description.ClassNames);

        var conditioning = new float[c.Conditioning.Length];
        for (int r = 0; r < GraphCase.Rows; r++)
        {
            Array.Copy(c.Conditioning, 0, conditioning, r * width, width);
        }

        GraphCase sameCondition = c.WithConditioning(conditioning);
        Dictionary<string, float[]> onnx = OnnxRun.RunFeaturesOnly(model, sameCondition);
        var raw = new float[GraphCase.Rows * c.Spec.OutputSize];
        target.Forward(c.EngineFeatures(), raw);
        ExpectedOutputs.AssertMatch(c, raw, onnx);
        OnnxRun.AssertClose(sameCondition.EngineOutputs(), raw, "materialised vs hypernetwork");
    }
}
