using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Trainers;

/// <summary>
/// The exceptions of column checks, worded as ML.NET words them ("Could not find conditioning column 'Task'"), with
/// the ML.NET transform that converts a column of the wrong type.
/// </summary>
internal static class SchemaErrors
{
    /// <summary>A column that is not in the schema.</summary>
    public static ArgumentOutOfRangeException ColumnNotFound(string parameterName, string role, string columnName) =>
        new(parameterName, $"Could not find {role} column '{columnName}'.");

    /// <summary>A column of the wrong type: names the column, what was expected, what it is, and how to convert it.</summary>
    public static ArgumentOutOfRangeException Mismatch(string parameterName, string role, string columnName, string expected, string actual, string? hint = null) =>
        new(parameterName, $"Schema mismatch for {role} column '{columnName}': expected {expected}, got {actual}.{(hint is null ? string.Empty : " " + hint)}");

    /// <summary>The column named <paramref name="columnName"/>, or a clear exception.</summary>
    public static DataViewSchema.Column Find(DataViewSchema schema, string columnName, string role, string parameterName = "inputSchema") =>
        schema.GetColumnOrNull(columnName) ?? throw ColumnNotFound(parameterName, role, columnName);

    /// <summary>The column shape named <paramref name="columnName"/>, or a clear exception.</summary>
    public static SchemaShape.Column Find(SchemaShape shape, string columnName, string role, string parameterName = "inputSchema") =>
        shape.FirstOrDefault(c => c.Name == columnName) is { Name: not null } column ? column : throw ColumnNotFound(parameterName, role, columnName);

    /// <summary>A type as the messages name it: <c>Vector&lt;Single, 4&gt;</c>, <c>Key&lt;UInt32, 3&gt;</c>, <c>String</c>.</summary>
    public static string Describe(DataViewType type) => type switch
    {
        VectorDataViewType { IsKnownSize: true } vector => $"Vector<{DescribeItem(vector.ItemType)}, {vector.Size}>",
        VectorDataViewType vector => $"Vector<{DescribeItem(vector.ItemType)}> of unknown size",
        _ => DescribeItem(type),
    };

    /// <summary>A column shape's type as the messages name it.</summary>
    public static string Describe(SchemaShape.Column column)
    {
        string item = column.IsKey ? $"Key<{column.ItemType.RawType.Name}>" : DescribeItem(column.ItemType);
        return column.Kind switch
        {
            SchemaShape.Column.VectorKind.Vector => $"Vector<{item}>",
            SchemaShape.Column.VectorKind.VariableVector => $"Vector<{item}> of unknown size",
            _ => item,
        };
    }

    /// <summary>The stock ML.NET transform that turns a column of <paramref name="itemType"/> into what the hypernetwork reads.</summary>
    public static string Hint(DataViewType itemType, bool variableSize, string columnName, bool keyAllowed) =>
        Hint(itemType, itemType is KeyDataViewType, variableSize, columnName, keyAllowed);

    /// <summary>The stock ML.NET transform that turns a column into what the hypernetwork reads; <paramref name="isKey"/> for a key column.</summary>
    public static string Hint(DataViewType itemType, bool isKey, bool variableSize, string columnName, bool keyAllowed)
    {
        if (variableSize)
        {
            return $"Give '{columnName}' a known size: mlContext.Transforms.Concatenate of known-size columns, or [VectorType(n)] on the input class.";
        }

        if (isKey)
        {
            return $"Use mlContext.Transforms.Conversion.MapKeyToVector(\"{columnName}\") (or Categorical.OneHotEncoding) to make Single values.";
        }

        return itemType switch
        {
            TextDataViewType when keyAllowed => $"Use mlContext.Transforms.Conversion.MapValueToKey(\"{columnName}\") to read it as a key (a learned embedding per value), or Categorical.OneHotEncoding for a vector.",
            TextDataViewType => $"Use mlContext.Transforms.Categorical.OneHotEncoding(\"{columnName}\") or mlContext.Transforms.Text.FeaturizeText(\"{columnName}\") to make Single values.",
            BooleanDataViewType or NumberDataViewType => $"Use mlContext.Transforms.Conversion.ConvertType(\"{columnName}\", outputKind: DataKind.Single).",
            _ => $"Convert '{columnName}' to Single with a stock ML.NET transform.",
        };
    }

    private static string DescribeItem(DataViewType type) =>
        type is KeyDataViewType key ? $"Key<{key.RawType.Name}, {key.Count}>" : type.RawType == typeof(ReadOnlyMemory<char>) ? "String" : type.ToString()!;
}
