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
}
