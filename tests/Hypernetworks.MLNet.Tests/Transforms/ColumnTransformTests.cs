using Hypernetworks.MLNet.Data;
using Hypernetworks.MLNet.Tests.Data;

namespace Hypernetworks.MLNet.Tests.Transforms;

public class ColumnTransformTests
{
    private readonly MLContext _context = new(1);

    private IDataView Data() => _context.Data.LoadFromEnumerable(TestData.Features(20, 5));

    [Fact]
    public void Concatenate_PassesEstimatorChecks()
    {
        EstimatorChecks.Check(_context.Transforms.Concatenate("All", "Features", "Label", "Features"), Data());
    }

    [Fact]
    public void Concatenate_JoinsValuesInOrder()
    {
        List<FeatureRow> rows = TestData.Features(5, 2);
        IDataView data = _context.Data.LoadFromEnumerable(rows);
        IDataView output = _context.Transforms.Concatenate("All", "Label", "Features").Fit(data).Transform(data);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 4), output.Schema["All"].Type);
        List<float[]> all = TestData.ReadVectors(output, "All");
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal([rows[i].Label, .. rows[i].Features], all[i]);
        }
    }

    [Fact]
    public void Concatenate_ThrowsNamingMissingColumn()
    {
        IDataView data = Data();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _context.Transforms.Concatenate("All", "Label", "Nope").Fit(data));
        Assert.Contains("Could not find input column 'Nope'", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => _context.Transforms.Concatenate("All", "Label", "Nope").GetOutputSchema(SchemaShape.Create(data.Schema)));
    }

    [Fact]
    public void Concatenate_ThrowsNamingColumnOfOtherItemType()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _context.Transforms.Concatenate("All", "Label", "Category").Fit(Data()));
        Assert.Contains("Schema mismatch for input column 'Category'", ex.Message);
        Assert.Contains("String", ex.Message);
    }

    [Fact]
    public void CopyColumns_PassesEstimatorChecks()
    {
        EstimatorChecks.Check(_context.Transforms.CopyColumns("Copy", "Features"), Data());
    }

    [Fact]
    public void CopyColumns_ThrowsNamingMissingColumn()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _context.Transforms.CopyColumns("Copy", "Nope").Fit(Data()));
        Assert.Contains("'Nope'", ex.Message);
    }

    [Fact]
    public void DropColumns_PassesEstimatorChecksAndRemovesColumn()
    {
        ITransformer transformer = EstimatorChecks.Check(_context.Transforms.DropColumns("Category"), Data());
        Assert.Null(transformer.GetOutputSchema(Data().Schema).GetColumnOrNull("Category"));
        Assert.NotNull(transformer.GetOutputSchema(Data().Schema).GetColumnOrNull("Label"));
    }

    [Fact]
    public void DropColumns_ThrowsNamingMissingColumn()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _context.Transforms.DropColumns("Nope").Fit(Data()));
        Assert.Contains("'Nope'", ex.Message);
    }

    [Fact]
    public void SelectColumns_KeepsGivenOrder()
    {
        IDataView data = Data();
        DataViewSchema schema = _context.Transforms.SelectColumns("Category", "Label").Fit(data).GetOutputSchema(data.Schema);
        Assert.Equal(["Category", "Label"], schema.Select(c => c.Name));
    }

    [Fact]
    public void Chain_PassesEstimatorChecks()
    {
        IEstimator<ITransformer> pipeline = _context.Transforms.Concatenate("All", "Label", "Features")
            .Append(_context.Transforms.NormalizeMeanVariance("All"))
            .Append(_context.Transforms.Conversion.MapValueToKey("CategoryKey", "Category"))
            .Append(_context.Transforms.DropColumns("Features"));
        EstimatorChecks.Check(pipeline, Data());
    }
}
