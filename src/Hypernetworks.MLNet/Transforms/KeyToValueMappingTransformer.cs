using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>
/// Maps keys back to the values of their key values annotation; key 0 and keys above the count give the missing
/// value of the type (NaN for floats, empty text, else the default).
/// </summary>
public sealed class KeyToValueMappingTransformer : RowToRowTransformerBase
{
    /// <summary>Maps each pair's input key column back to values.</summary>
    /// <param name="columns">The (output, input) pairs.</param>
    public KeyToValueMappingTransformer(params InputOutputColumnPair[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
        {
            throw new ArgumentException("At least one column pair is needed.", nameof(columns));
        }

        Columns = [.. columns];
    }

    /// <summary>The (output, input) pairs.</summary>
    public IReadOnlyList<InputOutputColumnPair> Columns { get; }

    /// <summary>The type name of its model file component.</summary>
    public const string ModelTypeName = "KeyToValueMappingTransformer";

    /// <inheritdoc />
    public override IEnumerable<ModelComponent> GetModelComponents() =>
        [new ModelComponent(ModelTypeName, context => context.SetOptions(ColumnPairsOptions.From(Columns)))];

    /// <summary>Rebuilds the transformer from its saved state.</summary>
    internal static ITransformer Load(ModelLoadContext context) => new KeyToValueMappingTransformer(context.GetOptions<ColumnPairsOptions>().ToPairs());

    /// <inheritdoc />
    public override IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var added = new List<AddedColumn>();
        foreach (InputOutputColumnPair pair in Columns)
        {
            DataViewSchema.Column input = SchemaErrors.Find(inputSchema, pair.InputColumnName, "input");
            KeyDataViewType key = KeyTypeOf(input) ?? throw SchemaErrors.Mismatch(nameof(inputSchema), "input", input.Name, "a key or a vector of keys", SchemaErrors.Describe(input.Type));
            if (input.Annotations.GetTypeOrNull(AnnotationUtils.Kinds.KeyValues) is not VectorDataViewType valuesType)
            {
                throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Key column '{input.Name}' has no key values annotation to map its keys back to.");
            }

            PrimitiveDataViewType itemType = valuesType.ItemType;
            DataViewType type = input.Type is VectorDataViewType vector ? new VectorDataViewType(itemType, vector.Size) : itemType;
            added.Add(new AddedColumn(new DataViewSchema.DetachedColumn(pair.OutputColumnName, type), [input.Index],
                row => RowGetters.InvokeGeneric<Delegate>(typeof(KeyToValueMappingTransformer), nameof(MakeGetter), [key.RawType, itemType.RawType], row, input)));
        }

        return AddColumns(inputSchema, added);
    }

    /// <summary>The key type of a key column or of a vector of keys, else null.</summary>
    internal static KeyDataViewType? KeyTypeOf(DataViewSchema.Column column) =>
        column.Type as KeyDataViewType ?? (column.Type as VectorDataViewType)?.ItemType as KeyDataViewType;

    private static Delegate MakeGetter<TKey, TValue>(DataViewRow row, DataViewSchema.Column input)
        where TKey : System.Numerics.IBinaryInteger<TKey>
    {
        VBuffer<TValue> keyValues = default;
        input.GetKeyValues(ref keyValues);
        TValue[] values = [.. keyValues.DenseValues()];
        TValue missing = MissingValue<TValue>();
        TValue Lookup(TKey key)
        {
            ulong index = ulong.CreateTruncating(key);
            return index == 0 || index > (ulong)values.Length ? missing : values[index - 1];
        }

        if (input.Type is VectorDataViewType)
        {
            ValueGetter<VBuffer<TKey>> vectorGetter = row.GetGetter<VBuffer<TKey>>(input);
            VBuffer<TKey> keys = default;
            return (ValueGetter<VBuffer<TValue>>)((ref VBuffer<TValue> value) =>
            {
                vectorGetter(ref keys);
                VBufferEditor<TValue> editor = VBufferEditor.Create(ref value, keys.Length);
                for (int i = 0; i < keys.Length; i++)
                {
                    editor.Values[i] = Lookup(keys.GetItemOrDefault(i));
                }

                value = editor.Commit();
            });
        }

        ValueGetter<TKey> getter = row.GetGetter<TKey>(input);
        TKey current = TKey.Zero;
        return (ValueGetter<TValue>)((ref TValue value) =>
        {
            getter(ref current);
            value = Lookup(current);
        });
    }

    private static T MissingValue<T>() =>
        typeof(T) == typeof(float) ? (T)(object)float.NaN : typeof(T) == typeof(double) ? (T)(object)double.NaN : default!;
}
