using Hypernetworks.MLNet.Onnx;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Onnx;

namespace Hypernetworks.MLNet.Tests.Onnx;

public sealed class OurGraphLocatorTests
{
    [Theory]
    [InlineData(HypernetworkTask.Regression)]
    [InlineData(HypernetworkTask.BinaryClassification)]
    [InlineData(HypernetworkTask.MulticlassClassification)]
    public void TryFindOurGraph_FindsExactBytesAndStandInRange_InNestedChain(HypernetworkTask task)
    {
        using GraphCase c = GraphCase.Create("Chunked", false, task, true, 5);
        var mlContext = new MLContext(seed: 1);
        IDataView data = StockRows.Load(mlContext, c);
        byte[] onnx = HypernetworkGraphWriter.Write(c.Network, c.Description);
        string zip = Path.Combine(Path.GetTempPath(), $"locator-{Guid.NewGuid():N}.zip");
        try
        {
            ITransformer before = mlContext.Transforms.CopyColumns("FeaturesCopy", "Features").Fit(data);
            using (StockScoringChain chain = StockScoringChain.Build(mlContext, onnx, c.Description, before.Transform(data)))
            {
                var outer = new TransformerChain<ITransformer>(before, chain.Transformer);
                mlContext.Model.Save(outer, data.Schema, zip);
            }

            ITransformer loaded = mlContext.Model.Load(zip, out _);
            Assert.True(OurGraphLocator.TryFindOurGraph(mlContext, loaded, out OurGraphMatch? match));
            Assert.Equal(onnx, match!.Onnx);
            Assert.Equal(0, match.Start);
            Assert.Equal(StockScoringChain.Length(task), match.Count);
            Assert.Equal(match.Chain.Count(), match.Count);
            Assert.IsType<OnnxTransformer>(match.Chain.First());
            Assert.Equal([1], match.Path);
            Assert.Same(((TransformerChain<ITransformer>)loaded).ElementAt(1), match.Chain);

            LoadedHypernetworkGraph rebuilt = HypernetworkGraphReader.Read(match.Onnx);
            using Hypernetwork network = rebuilt.Network;
            Assert.Equal(c.EngineOutputs(), c.EngineOutputs(network));
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public void TryFindOurGraph_IsFalse_ForChainWithoutOurGraph()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = mlContext.Data.LoadFromEnumerable(new[] { new StockRows.ClassRow { ClassLabel = "a" } });
        ITransformer model = mlContext.Transforms.CopyColumns("Copy", "ClassLabel").Fit(data);
        Assert.False(OurGraphLocator.TryFindOurGraph(mlContext, new TransformerChain<ITransformer>(model), out OurGraphMatch? match));
        Assert.Null(match);
    }
}
