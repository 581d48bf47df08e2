using Hypernetworks.MLNet.Onnx;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests.Onnx;

public sealed class StockScoringChainTests
{
    public static IEnumerable<object[]> Cases()
    {
        int seed = 0;
        foreach (string kind in GraphCase.Kinds)
        {
            foreach (bool keyed in new[] { false, true })
            {
                foreach (HypernetworkTask task in Enum.GetValues<HypernetworkTask>())
                {
                    yield return [kind, keyed, task, seed++];
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void StockLoad_ScoresLikeEngine_WithTrainerColumns(string kind, bool keyed, HypernetworkTask task, int seed)
    {
        using GraphCase c = GraphCase.Create(kind, keyed, task, standardized: seed % 2 == 0, seed);
        var mlContext = new MLContext(seed: 1);
        IDataView data = StockRows.Load(mlContext, c);
        string zip = Path.Combine(Path.GetTempPath(), $"stock-chain-{Guid.NewGuid():N}.zip");
        try
        {
            using (StockScoringChain chain = StockScoringChain.Build(mlContext, HypernetworkGraphWriter.Write(c.Network, c.Description), c.Description, data))
            {
                mlContext.Model.Save(chain.Transformer, data.Schema, zip);
            }

            var other = new MLContext(seed: 2);
            ITransformer loaded = other.Model.Load(zip, out DataViewSchema inputSchema);
            Assert.NotNull(inputSchema.GetColumnOrNull("Features"));
            IDataView scored = loaded.Transform(data);
            StockRows.AssertColumns(data.Schema, scored.Schema, c);
            StockRows.AssertScores(scored, c);
            StockRows.Evaluate(other, scored, task);
            StockRows.PredictOne(other, loaded, c);
        }
        finally
        {
            File.Delete(zip);
        }
    }
}
