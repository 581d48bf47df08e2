namespace Hypernetworks.MLNet.Tests.ModelFiles;

/// <summary>
/// The checks of ML.NET's TestEstimatorCore for a pipeline with a hypernetwork in it: the predicted output shape
/// matches the fitted schema, the output reads in full, and the model saved with stock <c>mlContext.Model.Save</c>
/// comes back through stock <c>mlContext.Model.Load</c> (same visible columns and types, values within 1e-5
/// relative) and through <c>LoadHypernetwork</c> (values bitwise equal, our transformer back in the chain).
/// </summary>
internal static class ModelFileChecks
{
    public const double StockTolerance = 1e-5;

    public static ITransformer Check(MLContext mlContext, IEstimator<ITransformer> estimator, IDataView data)
    {
        SchemaShape predicted = estimator.GetOutputSchema(SchemaShapes.Of(data.Schema));
        ITransformer model = estimator.Fit(data);
        IDataView output = model.Transform(data);
        SchemaShapes.AssertMatches(predicted, output.Schema);
        List<object?[]> values = ColumnValues.ReadAll(output);

        using var stream = new MemoryStream();
        mlContext.Model.Save(model, data.Schema, stream);
        byte[] archive = stream.ToArray();

        ITransformer stock = mlContext.Model.Load(new MemoryStream(archive), out DataViewSchema savedSchema);
        Assert.Equal(data.Schema.Select(c => (c.Name, c.Type)), savedSchema.Select(c => (c.Name, c.Type)));
        IDataView stockOutput = stock.Transform(data);
        Assert.Equal(Visible(output.Schema), Visible(stockOutput.Schema));
        ColumnValues.AssertClose(values, ColumnValues.ReadAll(stockOutput), StockTolerance);

        ITransformer fast = mlContext.Model.LoadHypernetwork(new MemoryStream(archive), out _);
        Assert.Contains(Flatten(fast), t => t is HypernetworkTransformer);
        IDataView fastOutput = fast.Transform(data);
        Assert.Equal(Visible(output.Schema), Visible(fastOutput.Schema));
        ColumnValues.AssertBitwiseEqual(values, ColumnValues.ReadAll(fastOutput));
        return model;
    }

    /// <summary>The transformers of a model, nested chains opened.</summary>
    public static IEnumerable<ITransformer> Flatten(ITransformer model) =>
        model is IEnumerable<ITransformer> chain ? chain.SelectMany(Flatten) : [model];

    private static IEnumerable<string> Visible(DataViewSchema schema) =>
        schema.Where(c => !c.IsHidden).Select(c => $"{c.Name}: {c.Type}");
}
