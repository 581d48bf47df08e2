using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Tests.Data;

public class DataOperationsTests
{
    private readonly MLContext _context = new(1);

    private static List<ScalarRow> Numbered(int count) => [.. Enumerable.Range(0, count).Select(i => new ScalarRow { X = i, Text = $"g{i % 37}" })];

    [Fact]
    public void TrainTestSplit_PartitionsRowsDisjointly()
    {
        IDataView data = _context.Data.LoadFromEnumerable(Numbered(500));
        DataOperationsCatalog.TrainTestData split = _context.Data.TrainTestSplit(data, testFraction: 0.3, seed: 4);
        List<float> train = TestData.ReadColumn<float>(split.TrainSet, "X");
        List<float> test = TestData.ReadColumn<float>(split.TestSet, "X");
        Assert.Empty(train.Intersect(test));
        Assert.Equal(Enumerable.Range(0, 500).Select(i => (float)i), train.Concat(test).Order());
    }

    [Fact]
    public void TrainTestSplit_TestFractionIsClose()
    {
        IDataView data = _context.Data.LoadFromEnumerable(Numbered(4000));
        int test = TestData.ReadColumn<float>(_context.Data.TrainTestSplit(data, testFraction: 0.2, seed: 9).TestSet, "X").Count;
        Assert.InRange(test, 700, 900);
    }

    [Fact]
    public void TrainTestSplit_SameSeedGivesSameSplit()
    {
        IDataView data = _context.Data.LoadFromEnumerable(Numbered(300));
        List<float> first = TestData.ReadColumn<float>(_context.Data.TrainTestSplit(data, 0.25, seed: 7).TestSet, "X");
        List<float> second = TestData.ReadColumn<float>(new MLContext(99).Data.TrainTestSplit(data, 0.25, seed: 7).TestSet, "X");
        List<float> other = TestData.ReadColumn<float>(_context.Data.TrainTestSplit(data, 0.25, seed: 8).TestSet, "X");
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void TrainTestSplit_SamplingKeyKeepsGroupsTogether()
    {
        IDataView data = _context.Data.LoadFromEnumerable(Numbered(400));
        DataOperationsCatalog.TrainTestData split = _context.Data.TrainTestSplit(data, 0.3, samplingKeyColumnName: "Text", seed: 2);
        var trainGroups = TestData.ReadColumn<ReadOnlyMemory<char>>(split.TrainSet, "Text").Select(t => t.ToString()).ToHashSet();
        var testGroups = TestData.ReadColumn<ReadOnlyMemory<char>>(split.TestSet, "Text").Select(t => t.ToString()).ToHashSet();
        Assert.Empty(trainGroups.Intersect(testGroups));
        Assert.NotEmpty(testGroups);
    }

    [Fact]
    public void TrainTestSplit_ThrowsNamingMissingSamplingKey()
    {
        IDataView data = _context.Data.LoadFromEnumerable(Numbered(3));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _context.Data.TrainTestSplit(data, 0.5, samplingKeyColumnName: "Group"));
        Assert.Contains("'Group'", ex.Message);
    }

    [Fact]
    public void TrainTestSplit_ThrowsForFractionOutsideUnitInterval()
    {
        IDataView data = _context.Data.LoadFromEnumerable(Numbered(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => _context.Data.TrainTestSplit(data, 1.0));
    }

    [Fact]
    public void TrainTestSplit_IsLazy()
    {
        var source = new CountingEnumerable<ScalarRow>(Numbered(10));
        _context.Data.TrainTestSplit(_context.Data.LoadFromEnumerable(source), 0.5, seed: 1);
        Assert.Equal(0, source.Enumerations);
    }

    [Fact]
    public void Cache_ReadsSourceOnceForManyCursors()
    {
        var source = new CountingEnumerable<ScalarRow>(Numbered(10));
        IDataView cached = _context.Data.Cache(_context.Data.LoadFromEnumerable(source));
        Assert.Equal(0, source.Enumerations);
        List<float> first = TestData.ReadColumn<float>(cached, "X");
        List<float> second = TestData.ReadColumn<float>(cached, "X");
        Assert.Equal(1, source.Enumerations);
        Assert.Equal(first, second);
        Assert.Equal(10, cached.GetRowCount());
    }

    [Fact]
    public void Cache_ShuffledCursorVisitsEveryRowOnce()
    {
        IDataView cached = _context.Data.Cache(_context.Data.LoadFromEnumerable(Numbered(50)));
        DataViewSchema.Column column = cached.Schema["X"];
        using DataViewRowCursor cursor = cached.GetRowCursor([column], new Random(3));
        ValueGetter<float> getter = cursor.GetGetter<float>(column);
        var seen = new List<float>();
        while (cursor.MoveNext())
        {
            float value = 0;
            getter(ref value);
            seen.Add(value);
        }

        Assert.NotEqual(Enumerable.Range(0, 50).Select(i => (float)i), seen);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (float)i), seen.Order());
    }

    [Fact]
    public void CrossValidationSplit_PutsEveryRowInExactlyOneTestFold()
    {
        IDataView data = _context.Data.LoadFromEnumerable(Numbered(300));
        IReadOnlyList<DataOperationsCatalog.TrainTestData> folds = _context.Data.CrossValidationSplit(data, numberOfFolds: 4, seed: 5);
        List<float> tests = [.. folds.SelectMany(f => TestData.ReadColumn<float>(f.TestSet, "X"))];
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (float)i), tests.Order());
        foreach (DataOperationsCatalog.TrainTestData fold in folds)
        {
            Assert.Equal(300, TestData.ReadColumn<float>(fold.TrainSet, "X").Count + TestData.ReadColumn<float>(fold.TestSet, "X").Count);
            Assert.InRange(TestData.ReadColumn<float>(fold.TestSet, "X").Count, 40, 110);
        }
    }
}
