using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Tests.Data;

public class RowBatchReaderTests
{
    private readonly MLContext _context = new(1);

    [Fact]
    public void ReadBatch_GivesRowMajorValuesAndPartialLastBatch()
    {
        List<FeatureRow> rows = TestData.Features(7, 4);
        IDataView data = _context.Data.LoadFromEnumerable(rows);
        using var reader = new RowBatchReader(data, ["Features", "Label"], batchSize: 3);
        Assert.Equal(3, reader.GetWidth(0));
        var features = new List<float>();
        var labels = new List<float>();
        var sizes = new List<int>();
        while (reader.ReadBatch())
        {
            sizes.Add(reader.RowCount);
            features.AddRange(reader.GetColumn(0).ToArray());
            labels.AddRange(reader.GetColumn(1).ToArray());
        }

        Assert.Equal([3, 3, 1], sizes);
        Assert.Equal(rows.SelectMany(r => r.Features), features);
        Assert.Equal(rows.Select(r => r.Label), labels);
    }

    [Fact]
    public void ReadBatch_ReadsKeysAsTheirValue()
    {
        IDataView data = _context.Data.LoadFromEnumerable(new[] { new ScalarRow { Text = "b" }, new ScalarRow { Text = "a" }, new ScalarRow { Text = "b" } });
        IDataView keyed = _context.Transforms.Conversion.MapValueToKey("Key", "Text").Fit(data).Transform(data);
        using var reader = new RowBatchReader(keyed, ["Key"], batchSize: 8);
        Assert.True(reader.ReadBatch());
        Assert.Equal([1f, 2f, 1f], reader.GetColumn(0).ToArray());
        Assert.Equal(0, reader.FirstRowPosition);
        Assert.False(reader.ReadBatch());
    }

    [Fact]
    public void Constructor_ThrowsNamingTextColumn()
    {
        IDataView data = _context.Data.LoadFromEnumerable(TestData.Features(2, 1));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RowBatchReader(data, ["Category"], 4));
        Assert.Contains("'Category'", ex.Message);
    }

    [Fact]
    public void Constructor_ThrowsNamingMissingColumn()
    {
        IDataView data = _context.Data.LoadFromEnumerable(TestData.Features(2, 1));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RowBatchReader(data, ["Task"], 4));
        Assert.Contains("Could not find input column 'Task'", ex.Message);
    }
}
