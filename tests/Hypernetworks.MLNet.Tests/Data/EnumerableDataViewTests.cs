using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Tests.Data;

public class EnumerableDataViewTests
{
    private static List<AllTypesRow> Rows() =>
    [
        new() { Single = 1.5f, Double = -2.25, Int32 = -7, Int64 = 1L << 40, UInt32 = 9, Flag = true, Text = "a,b", Vector = [1, 2, 3], Variable = [0.5], Key = 2, Original = 4 },
        new() { Single = float.NaN, Double = 1e300, Int32 = int.MaxValue, Int64 = -1, UInt32 = 0, Flag = false, Text = "", Vector = [4, 5, 6], Variable = [], Key = 0, Original = -4 },
    ];

    [Fact]
    public void Schema_MapsMemberTypesAndAttributes()
    {
        IDataView data = new MLContext(1).Data.LoadFromEnumerable(Rows());
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), data.Schema["Vector"].Type);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Double), data.Schema["Variable"].Type);
        Assert.Equal(new KeyDataViewType(typeof(uint), 5), data.Schema["Key"].Type);
        Assert.Equal(TextDataViewType.Instance, data.Schema["Text"].Type);
        Assert.NotNull(data.Schema.GetColumnOrNull("Renamed"));
        Assert.Null(data.Schema.GetColumnOrNull("Ignored"));
    }

    [Fact]
    public void CreateEnumerable_RoundTripsEveryMember()
    {
        var context = new MLContext(1);
        List<AllTypesRow> rows = Rows();
        List<AllTypesRow> back = [.. context.Data.CreateEnumerable<AllTypesRow>(context.Data.LoadFromEnumerable(rows), reuseRowObject: false)];
        Assert.Equal(rows.Count, back.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Single, back[i].Single);
            Assert.Equal(rows[i].Double, back[i].Double);
            Assert.Equal(rows[i].Int32, back[i].Int32);
            Assert.Equal(rows[i].Int64, back[i].Int64);
            Assert.Equal(rows[i].UInt32, back[i].UInt32);
            Assert.Equal(rows[i].Flag, back[i].Flag);
            Assert.Equal(rows[i].Text, back[i].Text);
            Assert.Equal(rows[i].Vector, back[i].Vector);
            Assert.Equal(rows[i].Variable, back[i].Variable);
            Assert.Equal(rows[i].Key, back[i].Key);
            Assert.Equal(rows[i].Original, back[i].Original);
        }
    }

    [Fact]
    public void CreateEnumerable_ReuseRowObjectGivesOneInstance()
    {
        var context = new MLContext(1);
        var back = context.Data.CreateEnumerable<AllTypesRow>(context.Data.LoadFromEnumerable(Rows()), reuseRowObject: true).ToList();
        Assert.Same(back[0], back[1]);
    }

    [Fact]
    public void CreateEnumerable_ThrowsNamingMissingColumn()
    {
        var context = new MLContext(1);
        IDataView data = context.Data.LoadFromEnumerable(new[] { new ScalarRow() });
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => context.Data.CreateEnumerable<FeatureRow>(data, reuseRowObject: false));
        Assert.Contains("'Label'", ex.Message);
    }

    [Fact]
    public void Cursor_ThrowsNamingColumnForWrongVectorSize()
    {
        var context = new MLContext(1);
        IDataView data = context.Data.LoadFromEnumerable(new[] { new FeatureRow { Features = [1, 2] } });
        var ex = Assert.Throws<InvalidOperationException>(() => TestData.ReadVectors(data, "Features"));
        Assert.Contains("'Features'", ex.Message);
        Assert.Contains("row 0", ex.Message);
    }

    [Fact]
    public void View_IsLazy_EachCursorEnumeratesOnce()
    {
        var context = new MLContext(1);
        var source = new CountingEnumerable<FeatureRow>(TestData.Features(10, 3));
        IDataView data = context.Data.LoadFromEnumerable(source);
        IDataView transformed = context.Transforms.Concatenate("All", "Label", "Features").Fit(data).Transform(data);
        Assert.Equal(0, source.Enumerations);

        Assert.Equal(10, TestData.ReadVectors(transformed, "All").Count);
        Assert.Equal(1, source.Enumerations);
        TestData.ReadVectors(transformed, "All");
        Assert.Equal(2, source.Enumerations);
    }

    [Fact]
    public void GetGetter_ThrowsForWrongType()
    {
        IDataView data = new MLContext(1).Data.LoadFromEnumerable(new[] { new ScalarRow() });
        using DataViewRowCursor cursor = data.GetRowCursor(data.Schema);
        var ex = Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<double>(data.Schema["X"]));
        Assert.Contains("'X'", ex.Message);
    }

    [Fact]
    public void GetGetter_ThrowsForInactiveColumn()
    {
        IDataView data = new MLContext(1).Data.LoadFromEnumerable(new[] { new ScalarRow() });
        using DataViewRowCursor cursor = data.GetRowCursor([data.Schema["X"]]);
        Assert.False(cursor.IsColumnActive(data.Schema["Y"]));
        Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<float>(data.Schema["Y"]));
    }

    [Fact]
    public void SchemaDefinition_CanSetTheVectorSize()
    {
        SchemaDefinition definition = SchemaDefinition.Create(typeof(AllTypesRow));
        definition["Variable"].ColumnType = new VectorDataViewType(NumberDataViewType.Double, 1);
        IDataView data = new MLContext(1).Data.LoadFromEnumerable(Rows().Take(1), definition);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Double, 1), data.Schema["Variable"].Type);
    }

    [Fact]
    public void SchemaDefinition_RejectsTypeTheMemberCannotHold()
    {
        SchemaDefinition definition = SchemaDefinition.Create(typeof(ScalarRow));
        definition["X"].ColumnType = TextDataViewType.Instance;
        var ex = Assert.Throws<ArgumentException>(() => new MLContext(1).Data.LoadFromEnumerable(new[] { new ScalarRow() }, definition));
        Assert.Contains("ScalarRow.X", ex.Message);
    }
}
