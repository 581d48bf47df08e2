using Hypernetworks.MLNet.Data;
using Hypernetworks.MLNet.Tests.Data;

namespace Hypernetworks.MLNet.Tests.Transforms;

public class NormalizerTests
{
    private readonly MLContext _context = new(1);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void NormalizeMinMax_PassesEstimatorChecks(bool fixZero)
    {
        EstimatorChecks.Check(_context.Transforms.NormalizeMinMax("Features", fixZero: fixZero), _context.Data.LoadFromEnumerable(TestData.Features(30, 1)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void NormalizeMeanVariance_PassesEstimatorChecks(bool fixZero)
    {
        EstimatorChecks.Check(_context.Transforms.NormalizeMeanVariance("Norm", "Label", fixZero: fixZero), _context.Data.LoadFromEnumerable(TestData.Features(30, 1)));
    }

    [Fact]
    public void NormalizeMinMax_WithoutFixZero_MapsRangeToUnitInterval()
    {
        float[] xs = [2, -3, 7, 1];
        IDataView data = _context.Data.LoadFromEnumerable(xs.Select(x => new ScalarRow { X = x }));
        List<float> output = TestData.ReadColumn<float>(_context.Transforms.NormalizeMinMax("X", fixZero: false).Fit(data).Transform(data), "X");
        Assert.Equal(xs.Select(x => (x + 3) / 10f), output, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void NormalizeMinMax_WithFixZero_DividesByLargestMagnitude()
    {
        float[] xs = [2, -8, 4];
        IDataView data = _context.Data.LoadFromEnumerable(xs.Select(x => new ScalarRow { X = x }));
        List<float> output = TestData.ReadColumn<float>(_context.Transforms.NormalizeMinMax("X").Fit(data).Transform(data), "X");
        Assert.Equal([0.25f, -1f, 0.5f], output);
    }

    [Fact]
    public void NormalizeMeanVariance_WithoutFixZero_GivesZeroMeanUnitPopulationVariance()
    {
        double[] xs = [1, 2, 4, 9, -3];
        IDataView data = _context.Data.LoadFromEnumerable(xs.Select(x => new ScalarRow { X = (float)x }));
        List<float> output = TestData.ReadColumn<float>(_context.Transforms.NormalizeMeanVariance("X", fixZero: false).Fit(data).Transform(data), "X");
        double mean = output.Average(v => (double)v);
        double variance = output.Average(v => (v - mean) * (v - mean));
        Assert.Equal(0, mean, 5);
        Assert.Equal(1, variance, 5);
    }

    [Fact]
    public void NormalizeMeanVariance_WithFixZero_DividesByRootMeanSquare()
    {
        double[] xs = [1, 2, 4, 9, -3];
        IDataView data = _context.Data.LoadFromEnumerable(xs.Select(x => new ScalarRow { X = (float)x }));
        List<float> output = TestData.ReadColumn<float>(_context.Transforms.NormalizeMeanVariance("X").Fit(data).Transform(data), "X");
        double rms = Math.Sqrt(xs.Average(x => x * x));
        Assert.Equal(xs.Select(x => x / rms), output.Select(v => (double)v), (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void Normalize_IgnoresNaNWhenFittingAndKeepsIt()
    {
        float[] xs = [2, float.NaN, 4];
        IDataView data = _context.Data.LoadFromEnumerable(xs.Select(x => new ScalarRow { X = x }));
        List<float> output = TestData.ReadColumn<float>(_context.Transforms.NormalizeMinMax("X").Fit(data).Transform(data), "X");
        Assert.Equal(0.5f, output[0]);
        Assert.True(float.IsNaN(output[1]));
    }

    [Fact]
    public void Normalize_ThrowsNamingColumnOfWrongType()
    {
        IDataView data = _context.Data.LoadFromEnumerable(TestData.Features(3, 1));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _context.Transforms.NormalizeMinMax("Category").Fit(data));
        Assert.Contains("Schema mismatch for input column 'Category'", ex.Message);
        Assert.Contains("got String", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => _context.Transforms.NormalizeMinMax("Category").GetOutputSchema(SchemaShape.Create(data.Schema)));
    }

    [Fact]
    public void Normalize_ThrowsNamingColumnOfWrongVectorSizeAtScoring()
    {
        IDataView train = _context.Data.LoadFromEnumerable(TestData.Features(3, 1));
        ITransformer model = _context.Transforms.NormalizeMinMax("Features").Fit(train);
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, 5));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => model.GetOutputSchema(builder.ToSchema()));
        Assert.Contains("'Features'", ex.Message);
        Assert.Contains("Vector<Single, 3>", ex.Message);
    }
}
