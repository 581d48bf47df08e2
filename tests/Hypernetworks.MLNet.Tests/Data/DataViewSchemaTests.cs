using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Tests.Data;

public class DataViewSchemaTests
{
    [Fact]
    public void SameName_HidesEarlierColumn()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("A", NumberDataViewType.Single);
        builder.AddColumn("A", TextDataViewType.Instance);
        DataViewSchema schema = builder.ToSchema();
        Assert.True(schema[0].IsHidden);
        Assert.Equal(1, schema["A"].Index);
        Assert.Equal(TextDataViewType.Instance, schema["A"].Type);
    }

    [Fact]
    public void Indexer_ThrowsNamingMissingColumn()
    {
        DataViewSchema schema = new DataViewSchema.Builder().ToSchema();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => schema["Missing"]);
        Assert.Contains("'Missing'", ex.Message);
    }

    [Fact]
    public void VectorTypes_CompareByItemTypeAndSize()
    {
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), new VectorDataViewType(NumberDataViewType.Single, 3));
        Assert.NotEqual(new VectorDataViewType(NumberDataViewType.Single, 3), new VectorDataViewType(NumberDataViewType.Single, 4));
        Assert.NotEqual(new KeyDataViewType(typeof(uint), 3), new KeyDataViewType(typeof(uint), 4));
    }

    [Fact]
    public void KeyType_ThrowsForSignedRawType()
    {
        Assert.Throws<ArgumentException>(() => new KeyDataViewType(typeof(int), 3));
    }

    [Fact]
    public void SchemaShape_KeyColumnHasRawItemType()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("K", new VectorDataViewType(new KeyDataViewType(typeof(uint), 4), 2));
        SchemaShape.Column column = SchemaShape.Create(builder.ToSchema())[0];
        Assert.True(column.IsKey);
        Assert.Equal(NumberDataViewType.UInt32, column.ItemType);
        Assert.Equal(SchemaShape.Column.VectorKind.Vector, column.Kind);
    }
}
