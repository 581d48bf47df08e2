using Hypernetworks.MLNet.Onnx;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests.Onnx;

public sealed class StockScoringChainFileTests
{
    [Fact]
    public void Dispose_DeletesTheModelFile_WhichLivesUntilThen()
    {
        using GraphCase c = GraphCase.Create("SharedTrunk", false, HypernetworkTask.Regression, false, 1);
        var mlContext = new MLContext(seed: 1);
        IDataView data = StockRows.Load(mlContext, c);
        StockScoringChain chain = StockScoringChain.Build(mlContext, HypernetworkGraphWriter.Write(c.Network, c.Description), c.Description, data.Schema);
        using (var archive = new MemoryStream())
        {
            mlContext.Model.Save(chain.Transformer, data.Schema, archive);
            Assert.True(File.Exists(chain.ModelPath));
        }

        chain.Dispose();
        Assert.False(File.Exists(chain.ModelPath));
    }

    [Fact]
    public void ForwardedSave_FromAnotherTransformer_LoadsAsTheStockChain()
    {
        using GraphCase c = GraphCase.Create("LowRank", true, HypernetworkTask.BinaryClassification, false, 4);
        var mlContext = new MLContext(seed: 1);
        IDataView data = StockRows.Load(mlContext, c);
        using var archive = new MemoryStream();
        using (StockScoringChain chain = StockScoringChain.Build(mlContext, HypernetworkGraphWriter.Write(c.Network, c.Description), c.Description, data))
        {
            mlContext.Model.Save(new ForwardingTransformer(chain.Transformer), data.Schema, archive);
        }

        archive.Position = 0;
        ITransformer loaded = mlContext.Model.Load(archive, out _);
        Assert.IsType<TransformerChain<ITransformer>>(loaded);
        StockRows.AssertScores(loaded.Transform(data), c);
    }

    [Fact]
    public void StockLoad_ReadsScalarFeatureColumn()
    {
        using GraphCase c = GraphCase.Create("PerLayer", false, HypernetworkTask.Regression, true, 8, scalarFeature: true);
        var mlContext = new MLContext(seed: 1);
        IDataView data = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, GraphCase.Rows).Select(r => new ScalarRow { Task = c.Conditioning.AsSpan(r * 3, 3).ToArray(), Features = c.Features[r] }));
        using var archive = new MemoryStream();
        using (StockScoringChain chain = StockScoringChain.Build(mlContext, HypernetworkGraphWriter.Write(c.Network, c.Description), c.Description, data))
        {
            mlContext.Model.Save(chain.Transformer, data.Schema, archive);
        }

        archive.Position = 0;
        IDataView scored = mlContext.Model.Load(archive, out _).Transform(data);
        OnnxRun.AssertClose(c.EngineOutputs(), [.. scored.GetColumn<float>("Score")], "scalar-feature Score");
    }

    [Fact]
    public void StockLoad_GivesPredictedLabel_WithIntegerKeyValues()
    {
        using GraphCase c = GraphCase.Create("SharedTrunk", false, HypernetworkTask.MulticlassClassification, false, 9);
        HypernetworkGraphDescription description = c.Description with { ClassNames = ["3", "5", "7", "11"], LabelKeyValueType = "Int32" };
        var mlContext = new MLContext(seed: 1);
        IDataView data = StockRows.Load(mlContext, c);
        using StockScoringChain chain = StockScoringChain.Build(mlContext, HypernetworkGraphWriter.Write(c.Network, description), description, data);
        DataViewSchema.Column label = chain.Transformer.GetOutputSchema(data.Schema)["PredictedLabel"];
        VBuffer<int> values = default;
        label.GetKeyValues(ref values);
        Assert.Equal([3, 5, 7, 11], values.DenseValues());
    }

    [Fact]
    public void Build_Throws_ForConditioningColumnOfWrongType()
    {
        using GraphCase c = GraphCase.Create("SharedTrunk", true, HypernetworkTask.Regression, false, 1);
        var mlContext = new MLContext(seed: 1);
        IDataView data = StockRows.Load(mlContext, c);
        HypernetworkGraphDescription description = c.Description with { ConditioningColumnName = "Features", FeatureColumnName = "TaskKey" };
        ArgumentException e = Assert.Throws<ArgumentException>(() => StockScoringChain.Build(mlContext, [], description, data));
        Assert.Contains("Conditioning column 'Features'", e.Message, StringComparison.Ordinal);
    }

    public sealed class ScalarRow
    {
        [VectorType(3)]
        public float[] Task { get; set; } = [];

        public float Features { get; set; }
    }

    /// <summary>What our transformer does when saved: forwards the ModelSaveContext to the stock chain.</summary>
    private sealed class ForwardingTransformer(ITransformer inner) : ITransformer
    {
        public bool IsRowToRowMapper => inner.IsRowToRowMapper;

        public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => inner.GetOutputSchema(inputSchema);

        public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => inner.GetRowToRowMapper(inputSchema);

        public IDataView Transform(IDataView input) => inner.Transform(input);

        void ICanSaveModel.Save(ModelSaveContext ctx) => inner.Save(ctx);
    }
}
