using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Tests.Data;

public sealed class TextLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hn-loader-").FullName;
    private readonly MLContext _context = new(1);

    public sealed class TaskRow
    {
        [LoadColumn(0)]
        public float Label { get; set; }

        [LoadColumn(1, 3)]
        public float[] Features { get; set; } = [];

        [LoadColumn(4)]
        [ColumnName("Name")]
        public string Text { get; set; } = "";

        [LoadColumn(5)]
        [KeyType(3)]
        public uint Task { get; set; }

        [LoadColumn(6)]
        public bool Flag { get; set; }
    }

    public sealed class NoLoadColumnRow
    {
        [LoadColumn(0)]
        public float A { get; set; }

        public float B { get; set; }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string text)
    {
        string path = Path.Combine(_directory, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Load_ReadsRangesKeysNamesAndHeader()
    {
        string path = Write("label,f1,f2,f3,name,task,flag\n1.5,1,2,3,alpha,0,true\n-2,4,5,6,beta,2,0\n");
        IDataView data = _context.Data.LoadFromTextFile<TaskRow>(path, separatorChar: ',', hasHeader: true);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), data.Schema["Features"].Type);
        Assert.Equal(new KeyDataViewType(typeof(uint), 3), data.Schema["Task"].Type);
        List<TaskRow> rows = [.. _context.Data.CreateEnumerable<TaskRow>(data, reuseRowObject: false)];
        Assert.Equal(2, rows.Count);
        Assert.Equal([1.5f, -2f], rows.Select(r => r.Label));
        Assert.Equal([4f, 5f, 6f], rows[1].Features);
        Assert.Equal(["alpha", "beta"], rows.Select(r => r.Text));
        Assert.Equal([1u, 3u], rows.Select(r => r.Task));
        Assert.Equal([true, false], rows.Select(r => r.Flag));
    }

    [Fact]
    public void Load_QuotedFieldsKeepSeparatorsAndEscapedQuotes()
    {
        string path = Write("1,2,3,4,\"a, \"\"quoted\"\" name\",1,false\n");
        IDataView data = _context.Data.LoadFromTextFile<TaskRow>(path, separatorChar: ',', allowQuoting: true);
        Assert.Equal("a, \"quoted\" name", _context.Data.CreateEnumerable<TaskRow>(data, reuseRowObject: false).Single().Text);
    }

    [Fact]
    public void Load_TrimsWhitespaceWhenAsked()
    {
        string path = Write(" 1 , 2,3 ,4,  x  ,1, true\n");
        IDataView data = _context.Data.LoadFromTextFile<TaskRow>(path, separatorChar: ',', trimWhitespace: true);
        TaskRow row = _context.Data.CreateEnumerable<TaskRow>(data, reuseRowObject: false).Single();
        Assert.Equal("x", row.Text);
        Assert.Equal([2f, 3f, 4f], row.Features);
    }

    [Fact]
    public void Load_EmptyFloatFieldIsNaN()
    {
        string path = Write(",1,2,3,a,0,true\n");
        IDataView data = _context.Data.LoadFromTextFile<TaskRow>(path, separatorChar: ',');
        Assert.True(float.IsNaN(TestData.ReadColumn<float>(data, "Label").Single()));
    }

    [Fact]
    public void Cursor_ThrowsNamingFileLineFieldAndColumnForBadValue()
    {
        string path = Write("label,f1,f2,f3,name,task,flag\n1,1,2,3,a,0,true\n2,1,oops,3,b,1,false\n");
        IDataView data = _context.Data.LoadFromTextFile<TaskRow>(path, separatorChar: ',', hasHeader: true);
        var ex = Assert.Throws<FormatException>(() => TestData.ReadVectors(data, "Features"));
        Assert.Contains("Line 3", ex.Message);
        Assert.Contains(path, ex.Message);
        Assert.Contains("'oops'", ex.Message);
        Assert.Contains("field 2", ex.Message);
        Assert.Contains("'Features'", ex.Message);
    }

    [Fact]
    public void Cursor_ThrowsForKeyOutOfRange()
    {
        string path = Write("1,1,2,3,a,3,true\n");
        IDataView data = _context.Data.LoadFromTextFile<TaskRow>(path, separatorChar: ',');
        var ex = Assert.Throws<FormatException>(() => TestData.ReadColumn<uint>(data, "Task"));
        Assert.Contains("'Task'", ex.Message);
        Assert.Contains("Line 1", ex.Message);
    }

    [Fact]
    public void Cursor_ThrowsForShortLine()
    {
        string path = Write("1,1,2\n");
        IDataView data = _context.Data.LoadFromTextFile<TaskRow>(path, separatorChar: ',');
        var ex = Assert.Throws<FormatException>(() => TestData.ReadVectors(data, "Features"));
        Assert.Contains("needs field 3", ex.Message);
    }

    [Fact]
    public void Cursor_ThrowsForUnclosedQuote()
    {
        string path = Write("1,2,3,4,\"open,1,true\n");
        IDataView data = _context.Data.LoadFromTextFile<TaskRow>(path, separatorChar: ',', allowQuoting: true);
        var ex = Assert.Throws<FormatException>(() => TestData.ReadColumn<float>(data, "Label"));
        Assert.Contains("not closed", ex.Message);
    }

    [Fact]
    public void Cursor_ParsesOnlyActiveColumns()
    {
        string path = Write("1,1,2,3,a,9,true\n");
        IDataView data = _context.Data.LoadFromTextFile<TaskRow>(path, separatorChar: ',');
        Assert.Equal([1f], TestData.ReadColumn<float>(data, "Label"));
    }

    [Fact]
    public void View_StreamsTheFileOnEveryCursor()
    {
        string path = Write("1,1,2,3,a,0,true\n");
        IDataView data = _context.Data.LoadFromTextFile<TaskRow>(path, separatorChar: ',');
        Assert.Single(TestData.ReadColumn<float>(data, "Label"));
        File.AppendAllText(path, "2,1,2,3,b,1,false\n\n");
        Assert.Equal([1f, 2f], TestData.ReadColumn<float>(data, "Label"));
    }

    [Fact]
    public void LoadFromTextFile_ThrowsForMemberWithoutLoadColumn()
    {
        string path = Write("1\n");
        var ex = Assert.Throws<InvalidOperationException>(() => _context.Data.LoadFromTextFile<NoLoadColumnRow>(path));
        Assert.Contains("'NoLoadColumnRow.B'", ex.Message);
    }

    [Fact]
    public void LoadFromTextFile_ThrowsForMissingFile()
    {
        Assert.Throws<FileNotFoundException>(() => _context.Data.LoadFromTextFile<TaskRow>(Path.Combine(_directory, "none.csv")));
    }

    [Fact]
    public void LoadFromTextFile_WithColumns_ReadsVectorFromRanges()
    {
        string path = Write("a\t1\t2\t3\n");
        IDataView data = _context.Data.LoadFromTextFile(path, [new TextLoader.Column("V", DataKind.Double, [new TextLoader.Range(1), new TextLoader.Range(3)])]);
        Assert.Equal([1.0, 3.0], TestData.ReadColumn<VBuffer<double>>(data, "V").Single().DenseValues());
    }
}
