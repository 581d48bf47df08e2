using Hypernetworks.MLNet.Data;
using Hypernetworks.MLNet.Tests.Data;

namespace Hypernetworks.MLNet.Tests.Transforms;

public class EstimatorChainTests
{
    private readonly MLContext _context = new(1);

    [Fact]
    public void Fit_WithoutCheckpoint_ReadsSourceOncePerFittingEstimator()
    {
        var source = new CountingEnumerable<FeatureRow>(TestData.Features(10, 1));
        IDataView data = _context.Data.LoadFromEnumerable(source);
        _context.Transforms.Concatenate("All", "Label", "Features")
            .Append(_context.Transforms.NormalizeMinMax("All"))
            .Append(_context.Transforms.NormalizeMeanVariance("All"))
            .Fit(data);
        Assert.Equal(2, source.Enumerations);
    }

    [Fact]
    public void Fit_WithCacheCheckpoint_ReadsSourceOnce()
    {
        var source = new CountingEnumerable<FeatureRow>(TestData.Features(10, 1));
        IDataView data = _context.Data.LoadFromEnumerable(source);
        _context.Transforms.Concatenate("All", "Label", "Features")
            .AppendCacheCheckpoint(_context)
            .Append(_context.Transforms.NormalizeMinMax("All"))
            .Append(_context.Transforms.NormalizeMeanVariance("All"))
            .Fit(data);
        Assert.Equal(1, source.Enumerations);
    }

    [Fact]
    public void GetOutputSchema_ThrowsAtTheFirstEstimatorThatCannotTakeItsInput()
    {
        IDataView data = _context.Data.LoadFromEnumerable(TestData.Features(3, 1));
        var pipeline = _context.Transforms.DropColumns("Features").Append(_context.Transforms.NormalizeMinMax("Features"));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => pipeline.GetOutputSchema(SchemaShape.Create(data.Schema)));
        Assert.Contains("Could not find input column 'Features'", ex.Message);
    }

    [Fact]
    public void Transform_OverwritingAColumnHidesTheInput()
    {
        IDataView data = _context.Data.LoadFromEnumerable(TestData.Features(3, 1));
        IDataView output = _context.Transforms.NormalizeMinMax("Features").Fit(data).Transform(data);
        Assert.Equal(2, output.Schema.Count(c => c.Name == "Features"));
        Assert.Single(SchemaShape.Create(output.Schema), c => c.Name == "Features");
    }
}
