using Hypernetworks.MLNet.Data;
using Hypernetworks.MLNet.Tests.Data;
using Hypernetworks.MLNet.Transforms;

namespace Hypernetworks.MLNet.Tests.Transforms;

public class KeyTransformTests
{
    private readonly MLContext _context = new(1);

    private IDataView Texts(params string[] texts) => _context.Data.LoadFromEnumerable(texts.Select(t => new ScalarRow { Text = t }));

    [Fact]
    public void MapValueToKey_PassesEstimatorChecks()
    {
        EstimatorChecks.Check(_context.Transforms.Conversion.MapValueToKey("Key", "Text"), Texts("b", "a", "b", "c"));
    }

    [Fact]
    public void MapValueToKey_NumbersKeysFromOneByOccurrence()
    {
        IDataView data = Texts("b", "a", "b", "c");
        IDataView output = _context.Transforms.Conversion.MapValueToKey("Key", "Text").Fit(data).Transform(data);
        Assert.Equal(new KeyDataViewType(typeof(uint), 3), output.Schema["Key"].Type);
        Assert.Equal([1u, 2u, 1u, 3u], TestData.ReadColumn<uint>(output, "Key"));
        VBuffer<ReadOnlyMemory<char>> values = default;
        output.Schema["Key"].GetKeyValues(ref values);
        Assert.Equal(["b", "a", "c"], values.DenseValues().Select(v => v.ToString()));
    }

    [Fact]
    public void MapValueToKey_ByValueSortsKeys()
    {
        IDataView data = Texts("b", "a", "c");
        IDataView output = _context.Transforms.Conversion.MapValueToKey("Key", "Text", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(data).Transform(data);
        Assert.Equal([2u, 1u, 3u], TestData.ReadColumn<uint>(output, "Key"));
    }

    [Fact]
    public void MapValueToKey_UnseenAndMissingValuesMapToZero()
    {
        IDataView train = _context.Data.LoadFromEnumerable(new[] { new ScalarRow { X = 1 }, new ScalarRow { X = float.NaN }, new ScalarRow { X = 2 } });
        ITransformer model = _context.Transforms.Conversion.MapValueToKey("Key", "X").Fit(train);
        IDataView test = _context.Data.LoadFromEnumerable(new[] { new ScalarRow { X = 2 }, new ScalarRow { X = 5 }, new ScalarRow { X = float.NaN } });
        Assert.Equal([2u, 0u, 0u], TestData.ReadColumn<uint>(model.Transform(test), "Key"));
    }

    [Fact]
    public void MapValueToKey_ThrowsNamingMissingColumn()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _context.Transforms.Conversion.MapValueToKey("Key", "Nope").Fit(Texts("a")));
        Assert.Contains("'Nope'", ex.Message);
    }

    [Fact]
    public void MapValueToKey_AtScoringThrowsForOtherItemType()
    {
        ITransformer model = _context.Transforms.Conversion.MapValueToKey("Key", "Text").Fit(Texts("a"));
        IDataView other = _context.Data.LoadFromEnumerable(new[] { new FeatureRow { Category = "x" } });
        var renamed = _context.Transforms.CopyColumns("Text", "Label").Fit(other).Transform(other);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => model.Transform(renamed));
        Assert.Contains("Schema mismatch for input column 'Text'", ex.Message);
    }

    [Fact]
    public void MapKeyToValue_PassesEstimatorChecks()
    {
        // A saved input schema has no annotations, so the key values travel with the MapValueToKey that made them.
        IDataView data = Texts("b", "a", "b");
        EstimatorChecks.Check(_context.Transforms.Conversion.MapValueToKey("Key", "Text").Append(_context.Transforms.Conversion.MapKeyToValue("Back", "Key")), data);
    }

    [Fact]
    public void MapKeyToValue_InvertsMapValueToKey()
    {
        IDataView data = Texts("b", "a", "b", "c");
        var pipeline = _context.Transforms.Conversion.MapValueToKey("Key", "Text").Append(_context.Transforms.Conversion.MapKeyToValue("Back", "Key"));
        IDataView output = pipeline.Fit(data).Transform(data);
        Assert.Equal(["b", "a", "b", "c"], TestData.ReadColumn<ReadOnlyMemory<char>>(output, "Back").Select(t => t.ToString()));
    }

    [Fact]
    public void MapKeyToValue_ThrowsForNonKeyColumn()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _context.Transforms.Conversion.MapKeyToValue("Back", "Text").Fit(Texts("a")));
        Assert.Contains("Schema mismatch for input column 'Text'", ex.Message);
    }

    [Theory]
    [InlineData(OneHotEncodingEstimator.OutputKind.Indicator)]
    [InlineData(OneHotEncodingEstimator.OutputKind.Bag)]
    [InlineData(OneHotEncodingEstimator.OutputKind.Key)]
    public void OneHotEncoding_PassesEstimatorChecks(OneHotEncodingEstimator.OutputKind kind)
    {
        EstimatorChecks.Check(_context.Transforms.Categorical.OneHotEncoding("Hot", "Text", kind), Texts("b", "a", "b", "c"));
    }

    [Fact]
    public void OneHotEncoding_WritesIndicatorVectors()
    {
        IDataView data = Texts("b", "a", "b");
        IDataView output = _context.Transforms.Categorical.OneHotEncoding("Text").Fit(data).Transform(data);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 2), output.Schema["Text"].Type);
        Assert.Equal([[1f, 0f], [0f, 1f], [1f, 0f]], TestData.ReadVectors(output, "Text"));
    }

    [Fact]
    public void OneHotEncoding_ThrowsNamingMissingColumn()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _context.Transforms.Categorical.OneHotEncoding("Hot", "Nope").Fit(Texts("a")));
        Assert.Contains("'Nope'", ex.Message);
    }
}
