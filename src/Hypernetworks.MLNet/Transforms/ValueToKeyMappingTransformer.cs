using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>Maps values to their keys with a fitted dictionary per column (0 for values not in it).</summary>
public sealed class ValueToKeyMappingTransformer : RowToRowTransformerBase
{
    private readonly InputOutputColumnPair[] _columns;
    private readonly KeyValueMap[] _maps;

    internal ValueToKeyMappingTransformer(InputOutputColumnPair[] columns, KeyValueMap[] maps)
    {
        _columns = columns;
        _maps = maps;
    }

    /// <summary>The (output, input) pairs.</summary>
    public IReadOnlyList<InputOutputColumnPair> Columns => _columns;

    /// <summary>The number of keys of column pair <paramref name="index"/>.</summary>
    /// <param name="index">The pair index.</param>
    public int GetKeyCount(int index) => _maps[index].Count;

    /// <summary>The dictionaries, in column order.</summary>
    internal IReadOnlyList<KeyValueMap> Maps => _maps;

    /// <summary>The type name of its model file component.</summary>
    public const string ModelTypeName = "ValueToKeyMappingTransformer";

    /// <inheritdoc />
    public override IEnumerable<ModelComponent> GetModelComponents() =>
        [new ModelComponent(ModelTypeName, context =>
        {
            context.SetOptions(new KeyMappingOptions(ColumnPairsOptions.From(_columns), [.. _maps.Select(m => DataViewTypeNames.Format(m.ItemType))]));
            for (int i = 0; i < _maps.Length; i++)
            {
                context.AddStrings($"values.{i}", _maps[i].ToStrings());
            }
        })];

    /// <summary>Rebuilds the transformer from its saved state.</summary>
    internal static ITransformer Load(ModelLoadContext context)
    {
        KeyMappingOptions options = context.GetOptions<KeyMappingOptions>();
        InputOutputColumnPair[] columns = options.Columns.ToPairs();
        if (options.ItemTypes.Length != columns.Length)
        {
            throw new FormatException($"The saved key mapping has {columns.Length} columns but {options.ItemTypes.Length} item types.");
        }

        var maps = new KeyValueMap[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            if (DataViewTypeNames.Parse(options.ItemTypes[i]) is not PrimitiveDataViewType itemType)
            {
                throw new FormatException($"Item type '{options.ItemTypes[i]}' of key column '{columns[i].OutputColumnName}' is not a primitive type.");
            }

            IReadOnlyList<string> values = context.GetStrings($"values.{i}");
            if (values.Count == 0)
            {
                throw new FormatException($"Key column '{columns[i].OutputColumnName}' has no saved values.");
            }

            maps[i] = KeyValueMap.FromStrings(itemType, values);
        }

        return new ValueToKeyMappingTransformer(columns, maps);
    }

    /// <inheritdoc />
    public override IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var added = new List<AddedColumn>();
        for (int i = 0; i < _columns.Length; i++)
        {
            DataViewSchema.Column input = ValueToKeyMappingEstimator.CheckInput(inputSchema, _columns[i].InputColumnName);
            KeyValueMap map = _maps[i];
            PrimitiveDataViewType item = input.Type as PrimitiveDataViewType ?? ((VectorDataViewType)input.Type).ItemType;
            if (!item.Equals(map.ItemType))
            {
                throw SchemaErrors.Mismatch(nameof(inputSchema), "input", input.Name,
                    input.Type is VectorDataViewType ? $"Vector<{map.ItemType}>" : map.ItemType.ToString()!, SchemaErrors.Describe(input.Type));
            }

            var key = new KeyDataViewType(typeof(uint), map.Count);
            DataViewType type = input.Type is VectorDataViewType vector ? new VectorDataViewType(key, vector.Size) : key;
            added.Add(new AddedColumn(new DataViewSchema.DetachedColumn(_columns[i].OutputColumnName, type, map.MakeAnnotations()),
                [input.Index], row => map.MakeKeyGetter(row, input)));
        }

        return AddColumns(inputSchema, added);
    }

    private sealed record KeyMappingOptions(ColumnPairsOptions Columns, string[] ItemTypes);
}
