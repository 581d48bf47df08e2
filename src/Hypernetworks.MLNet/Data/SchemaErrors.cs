using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet;

/// <summary>The exceptions for columns that are missing or of the wrong type, worded as ML.NET words them.</summary>
internal static class SchemaErrors
{
    /// <summary>"Could not find {role} column 'name'".</summary>
    public static ArgumentOutOfRangeException ColumnNotFound(string parameterName, string role, string columnName) =>
        new(parameterName, $"Could not find {role} column '{columnName}'.");

    /// <summary>"Schema mismatch for {role} column 'name': expected X, got Y".</summary>
    public static ArgumentOutOfRangeException Mismatch(string parameterName, string role, string columnName, string expected, string actual) =>
        new(parameterName, $"Schema mismatch for {role} column '{columnName}': expected {expected}, got {actual}.");

    /// <summary>The visible column <paramref name="columnName"/> of <paramref name="schema"/>, or the "could not find" exception.</summary>
    public static DataViewSchema.Column Find(DataViewSchema schema, string columnName, string role, string parameterName = "inputSchema") =>
        schema.GetColumnOrNull(columnName) ?? throw ColumnNotFound(parameterName, role, columnName);

    /// <summary>The column <paramref name="columnName"/> of <paramref name="shape"/>, or the "could not find" exception.</summary>
    public static SchemaShape.Column Find(SchemaShape shape, string columnName, string role, string parameterName = "inputSchema") =>
        shape.TryFindColumn(columnName, out SchemaShape.Column column) ? column : throw ColumnNotFound(parameterName, role, columnName);

    /// <summary>How a type is named in messages: like <see cref="SchemaShape.Column.GetTypeString"/>, with the size of known-size vectors.</summary>
    public static string Describe(DataViewType type) => type switch
    {
        VectorDataViewType { IsKnownSize: true } vector => $"Vector<{DescribeItem(vector.ItemType)}, {vector.Size}>",
        VectorDataViewType vector => $"Vector<{DescribeItem(vector.ItemType)}>",
        _ => DescribeItem(type),
    };

    private static string DescribeItem(DataViewType type) =>
        type is KeyDataViewType key ? $"Key<{key.RawType.Name}, {key.Count}>" : type.ToString()!;
}
