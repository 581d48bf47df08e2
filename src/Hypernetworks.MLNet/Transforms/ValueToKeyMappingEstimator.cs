using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>
/// Learns a dictionary of the values of a column (scalar or vector of a primitive type) and maps each value to its
/// key: 1-based, in order of first occurrence or of value; 0 for missing (NaN) or unseen values. The output column
/// carries the values as its key values annotation.
/// </summary>
public sealed class ValueToKeyMappingEstimator : IEstimator<ValueToKeyMappingTransformer>
{
    private readonly ColumnOptions[] _columns;
    private readonly IDataView? _keyData;

    /// <summary>Maps the given columns to keys.</summary>
    /// <param name="columns">The columns and their options.</param>
    /// <param name="keyData">When given, the dictionary is the values of its single column instead of the training data's.</param>
    public ValueToKeyMappingEstimator(ColumnOptions[] columns, IDataView? keyData = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0 || columns.Any(c => c is null))
        {
            throw new ArgumentException("At least one column is needed, and none may be null.", nameof(columns));
        }

        if (keyData is not null && keyData.Schema.Count(c => !c.IsHidden) != 1)
        {
            throw new ArgumentException($"The key data must have exactly one column; it has {keyData.Schema.Count(c => !c.IsHidden)}.", nameof(keyData));
        }

        _columns = [.. columns];
        _keyData = keyData;
    }

    /// <summary>The order of the keys.</summary>
    public enum KeyOrdinality
    {
        /// <summary>Keys follow the order in which values first occur.</summary>
        ByOccurrence = 0,

        /// <summary>Keys follow the sorted order of the values (ordinal for text).</summary>
        ByValue = 1,
    }

    /// <inheritdoc />
    public ValueToKeyMappingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var maps = new KeyValueMap[_columns.Length];
        for (int i = 0; i < _columns.Length; i++)
        {
            DataViewSchema.Column column = CheckInput(input.Schema, _columns[i].InputColumnName);
            IDataView source = input;
            if (_keyData is not null)
            {
                source = _keyData;
                column = _keyData.Schema.First(c => !c.IsHidden);
                PrimitiveDataViewType expected = ItemTypeOf(input.Schema[_columns[i].InputColumnName].Type);
                if (!ItemTypeOf(column.Type).Equals(expected))
                {
                    throw SchemaErrors.Mismatch(nameof(input), "key data", column.Name, expected.ToString()!, SchemaErrors.Describe(column.Type));
                }
            }

            maps[i] = KeyValueMap.Collect(source, column, _columns[i].MaximumNumberOfKeys, _columns[i].KeyOrdinality);
        }

        return new ValueToKeyMappingTransformer([.. _columns.Select(c => new InputOutputColumnPair(c.OutputColumnName, c.InputColumnName))], maps);
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var columns = inputSchema.ToDictionary(c => c.Name);
        foreach (ColumnOptions options in _columns)
        {
            SchemaShape.Column input = SchemaErrors.Find(inputSchema, options.InputColumnName, "input");
            if (input.ItemType is not PrimitiveDataViewType)
            {
                throw SchemaErrors.Mismatch(nameof(inputSchema), "input", input.Name, ExpectedType, input.GetTypeString());
            }

            var keyValues = new SchemaShape([new SchemaShape.Column(AnnotationUtils.Kinds.KeyValues, SchemaShape.Column.VectorKind.Vector, input.ItemType, input.IsKey)]);
            columns[options.OutputColumnName] = new SchemaShape.Column(options.OutputColumnName, input.Kind, NumberDataViewType.UInt32, true, keyValues);
        }

        return new SchemaShape(columns.Values);
    }

    private const string ExpectedType = "a primitive type (number, boolean, text or key) or a vector of one";

    /// <summary>The input column, checked to be primitive or a vector of a primitive type.</summary>
    internal static DataViewSchema.Column CheckInput(DataViewSchema schema, string name)
    {
        DataViewSchema.Column column = SchemaErrors.Find(schema, name, "input");
        return column.Type is PrimitiveDataViewType or VectorDataViewType
            ? column
            : throw SchemaErrors.Mismatch("inputSchema", "input", name, ExpectedType, SchemaErrors.Describe(column.Type));
    }

    private static PrimitiveDataViewType ItemTypeOf(DataViewType type) => type as PrimitiveDataViewType ?? ((VectorDataViewType)type).ItemType;

    /// <summary>The defaults of ML.NET's value-to-key mapping.</summary>
    public static class Defaults
    {
        /// <summary>The largest number of keys; later new values map to missing.</summary>
        public const int MaximumNumberOfKeys = 1_000_000;

        /// <summary>The key order.</summary>
        public const KeyOrdinality Ordinality = KeyOrdinality.ByOccurrence;
    }

    /// <summary>One column to map and its options.</summary>
    public sealed class ColumnOptions
    {
        /// <summary>Describes a column to map.</summary>
        /// <param name="outputColumnName">The output column.</param>
        /// <param name="inputColumnName">The input column; <paramref name="outputColumnName"/> when null.</param>
        /// <param name="maximumNumberOfKeys">The largest number of keys.</param>
        /// <param name="keyOrdinality">The key order.</param>
        public ColumnOptions(string outputColumnName, string? inputColumnName = null, int maximumNumberOfKeys = Defaults.MaximumNumberOfKeys, KeyOrdinality keyOrdinality = Defaults.Ordinality)
        {
            ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximumNumberOfKeys);
            if (!Enum.IsDefined(keyOrdinality))
            {
                throw new ArgumentOutOfRangeException(nameof(keyOrdinality), keyOrdinality, "Unknown key ordinality.");
            }

            OutputColumnName = outputColumnName;
            InputColumnName = inputColumnName ?? outputColumnName;
            MaximumNumberOfKeys = maximumNumberOfKeys;
            KeyOrdinality = keyOrdinality;
        }

        /// <summary>The output column.</summary>
        public string OutputColumnName { get; }

        /// <summary>The input column.</summary>
        public string InputColumnName { get; }

        /// <summary>The largest number of keys.</summary>
        public int MaximumNumberOfKeys { get; }

        /// <summary>The key order.</summary>
        public KeyOrdinality KeyOrdinality { get; }
    }
}
