using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>
/// Maps keys to indicator vectors of Single: a key k of a type with n keys becomes n slots with a 1 at slot k - 1
/// (all zeros for key 0). A vector of keys gives the indicators one after the other, or their sum (a bag).
/// </summary>
public sealed class KeyToVectorMappingTransformer : RowToRowTransformerBase
{
    /// <summary>Maps each pair's input key column to indicators.</summary>
    /// <param name="outputCountVector">Whether a vector of keys gives one summed vector of counts (a bag) instead of one indicator vector per key.</param>
    /// <param name="columns">The (output, input) pairs.</param>
    public KeyToVectorMappingTransformer(bool outputCountVector, params InputOutputColumnPair[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
        {
            throw new ArgumentException("At least one column pair is needed.", nameof(columns));
        }

        OutputCountVector = outputCountVector;
        Columns = [.. columns];
    }

    /// <summary>Whether vectors of keys are summed into a bag.</summary>
    public bool OutputCountVector { get; }

    /// <summary>The (output, input) pairs.</summary>
    public IReadOnlyList<InputOutputColumnPair> Columns { get; }

    /// <summary>The type name of its model file component.</summary>
    public const string ModelTypeName = "KeyToVectorMappingTransformer";

    /// <inheritdoc />
    public override IEnumerable<ModelComponent> GetModelComponents() =>
        [new ModelComponent(ModelTypeName, context => context.SetOptions(new KeyToVectorOptions(ColumnPairsOptions.From(Columns), OutputCountVector)))];

    /// <summary>Rebuilds the transformer from its saved state.</summary>
    internal static ITransformer Load(ModelLoadContext context)
    {
        KeyToVectorOptions options = context.GetOptions<KeyToVectorOptions>();
        return new KeyToVectorMappingTransformer(options.OutputCountVector, options.Columns.ToPairs());
    }

    /// <inheritdoc />
    public override IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var added = new List<AddedColumn>();
        foreach (InputOutputColumnPair pair in Columns)
        {
            DataViewSchema.Column input = SchemaErrors.Find(inputSchema, pair.InputColumnName, "input");
            KeyDataViewType key = KeyToValueMappingTransformer.KeyTypeOf(input)
                ?? throw SchemaErrors.Mismatch(nameof(inputSchema), "input", input.Name, "a key or a vector of keys", SchemaErrors.Describe(input.Type));
            if (key.Count > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Key column '{input.Name}' has {key.Count} keys, too many for indicator vectors.");
            }

            int count = (int)key.Count;
            int size = input.Type is VectorDataViewType vector && !OutputCountVector
                ? (vector.IsKnownSize ? checked(vector.Size * count) : 0)
                : count;
            bool bag = OutputCountVector;
            added.Add(new AddedColumn(new DataViewSchema.DetachedColumn(pair.OutputColumnName, new VectorDataViewType(NumberDataViewType.Single, size)), [input.Index],
                row => RowGetters.InvokeGeneric<Delegate>(typeof(KeyToVectorMappingTransformer), nameof(MakeGetter), [key.RawType], row, input, count, bag)));
        }

        return AddColumns(inputSchema, added);
    }

    private static ValueGetter<VBuffer<float>> MakeGetter<TKey>(DataViewRow row, DataViewSchema.Column input, int count, bool bag)
        where TKey : System.Numerics.IBinaryInteger<TKey>
    {
        if (input.Type is VectorDataViewType)
        {
            ValueGetter<VBuffer<TKey>> vectorGetter = row.GetGetter<VBuffer<TKey>>(input);
            VBuffer<TKey> keys = default;
            return (ref VBuffer<float> value) =>
            {
                vectorGetter(ref keys);
                VBufferEditor<float> editor = VBufferEditor.Create(ref value, bag ? count : checked(keys.Length * count));
                editor.Values.Clear();
                for (int i = 0; i < keys.Length; i++)
                {
                    ulong k = ulong.CreateTruncating(keys.GetItemOrDefault(i));
                    if (k > 0 && k <= (ulong)count)
                    {
                        editor.Values[(bag ? 0 : i * count) + (int)k - 1] += 1;
                    }
                }

                value = editor.Commit();
            };
        }

        ValueGetter<TKey> getter = row.GetGetter<TKey>(input);
        TKey current = TKey.Zero;
        return (ref VBuffer<float> value) =>
        {
            getter(ref current);
            VBufferEditor<float> editor = VBufferEditor.Create(ref value, count);
            editor.Values.Clear();
            ulong k = ulong.CreateTruncating(current);
            if (k > 0 && k <= (ulong)count)
            {
                editor.Values[(int)k - 1] = 1;
            }

            value = editor.Commit();
        };
    }

    private sealed record KeyToVectorOptions(ColumnPairsOptions Columns, bool OutputCountVector);
}
