using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>The values a key column stands for: value i has key i + 1; anything else maps to key 0 (missing).</summary>
internal abstract class KeyValueMap
{
    /// <summary>The number of keys.</summary>
    public abstract int Count { get; }

    /// <summary>The type of the values.</summary>
    public abstract PrimitiveDataViewType ItemType { get; }

    /// <summary>A getter of keys (a scalar or a vector, as <paramref name="input"/>) over <paramref name="row"/>.</summary>
    public abstract Delegate MakeKeyGetter(DataViewRow row, DataViewSchema.Column input);

    /// <summary>The key values annotation of the output column.</summary>
    public abstract DataViewSchema.Annotations MakeAnnotations();

    /// <summary>The values as invariant, round-trippable text (for saving).</summary>
    public abstract IReadOnlyList<string> ToStrings();

    /// <summary>Builds a map by collecting the values of <paramref name="column"/>.</summary>
    public static KeyValueMap Collect(IDataView data, DataViewSchema.Column column, int maximumNumberOfKeys, ValueToKeyMappingEstimator.KeyOrdinality ordinality)
    {
        PrimitiveDataViewType itemType = column.Type as PrimitiveDataViewType ?? ((VectorDataViewType)column.Type).ItemType;
        return RowGetters.InvokeGeneric<KeyValueMap>(typeof(KeyValueMap<>).MakeGenericType(itemType.RawType), nameof(KeyValueMap<int>.CollectFrom), [],
            data, column, itemType, maximumNumberOfKeys, ordinality);
    }

    /// <summary>Rebuilds a map from saved values.</summary>
    public static KeyValueMap FromStrings(PrimitiveDataViewType itemType, IReadOnlyList<string> values) =>
        RowGetters.InvokeGeneric<KeyValueMap>(typeof(KeyValueMap<>).MakeGenericType(itemType.RawType), nameof(KeyValueMap<int>.Parse), [], itemType, values);
}

/// <summary>A <see cref="KeyValueMap"/> of values of raw type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The raw type of the values.</typeparam>
internal sealed class KeyValueMap<T> : KeyValueMap
    where T : struct
{
    private readonly T[] _values;
    private readonly Dictionary<T, uint> _keys;

    private KeyValueMap(PrimitiveDataViewType itemType, T[] values)
    {
        ItemType = itemType;
        _values = values;
        _keys = new Dictionary<T, uint>(values.Length, Comparer);
        for (int i = 0; i < values.Length; i++)
        {
            _keys.TryAdd(values[i], (uint)(i + 1));
        }
    }

    public override int Count => _values.Length;

    public override PrimitiveDataViewType ItemType { get; }

    private static IEqualityComparer<T> Comparer =>
        typeof(T) == typeof(ReadOnlyMemory<char>) ? (IEqualityComparer<T>)(object)TextMemoryComparer.Instance : EqualityComparer<T>.Default;

    public static KeyValueMap CollectFrom(IDataView data, DataViewSchema.Column column, PrimitiveDataViewType itemType, int maximumNumberOfKeys, ValueToKeyMappingEstimator.KeyOrdinality ordinality)
    {
        var seen = new Dictionary<T, int>(Comparer);
        var values = new List<T>();
        using DataViewRowCursor cursor = data.GetRowCursor([column]);
        Action<Action<T>> forEachValue;
        if (column.Type is VectorDataViewType)
        {
            ValueGetter<VBuffer<T>> getter = cursor.GetGetter<VBuffer<T>>(column);
            VBuffer<T> buffer = default;
            forEachValue = add =>
            {
                getter(ref buffer);
                foreach (T item in buffer.DenseValues())
                {
                    add(item);
                }
            };
        }
        else
        {
            ValueGetter<T> getter = cursor.GetGetter<T>(column);
            T value = default!;
            forEachValue = add =>
            {
                getter(ref value);
                add(value);
            };
        }

        void Add(T value)
        {
            if (values.Count < maximumNumberOfKeys && !IsMissing(value) && !seen.ContainsKey(value))
            {
                T owned = Own(value);
                seen.Add(owned, values.Count);
                values.Add(owned);
            }
        }

        while (cursor.MoveNext())
        {
            forEachValue(Add);
        }

        if (values.Count == 0)
        {
            throw new InvalidOperationException($"Column '{column.Name}' has no values to map to keys (it is empty or all missing).");
        }

        if (ordinality == ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
        {
            values.Sort(typeof(T) == typeof(ReadOnlyMemory<char>) ? (IComparer<T>)(object)TextMemoryComparer.Instance : Comparer<T>.Default);
        }

        return new KeyValueMap<T>(itemType, [.. values]);
    }

    public static KeyValueMap Parse(PrimitiveDataViewType itemType, IReadOnlyList<string> values)
    {
        var parser = (TextValueParser<T>)TextValueParsers.For(itemType);
        var parsed = new T[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            if (!parser(values[i].AsMemory(), out parsed[i]))
            {
                throw new FormatException($"Key value {i} ('{values[i]}') is not a valid {itemType}.");
            }
        }

        return new KeyValueMap<T>(itemType, parsed);
    }

    public override Delegate MakeKeyGetter(DataViewRow row, DataViewSchema.Column input)
    {
        if (input.Type is VectorDataViewType)
        {
            ValueGetter<VBuffer<T>> vectorGetter = row.GetGetter<VBuffer<T>>(input);
            VBuffer<T> source = default;
            return (ValueGetter<VBuffer<uint>>)((ref VBuffer<uint> value) =>
            {
                vectorGetter(ref source);
                VBufferEditor<uint> editor = VBufferEditor.Create(ref value, source.Length);
                for (int i = 0; i < source.Length; i++)
                {
                    editor.Values[i] = KeyOf(source.GetItemOrDefault(i));
                }

                value = editor.Commit();
            });
        }

        ValueGetter<T> getter = row.GetGetter<T>(input);
        T item = default!;
        return (ValueGetter<uint>)((ref uint value) =>
        {
            getter(ref item);
            value = KeyOf(item);
        });
    }

    public override DataViewSchema.Annotations MakeAnnotations()
    {
        var builder = new DataViewSchema.Annotations.Builder();
        builder.AddKeyValues(_values.Length, ItemType, (ref VBuffer<T> value) =>
        {
            VBufferEditor<T> editor = VBufferEditor.Create(ref value, _values.Length);
            _values.CopyTo(editor.Values);
            value = editor.Commit();
        });
        return builder.ToAnnotations();
    }

    public override IReadOnlyList<string> ToStrings() => [.. _values.Select(v => v switch
    {
        float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        ReadOnlyMemory<char> text => text.ToString(),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => v!.ToString()!,
    })];

    private uint KeyOf(T value) => _keys.TryGetValue(value, out uint key) ? key : 0;

    private static bool IsMissing(T value) =>
        (typeof(T) == typeof(float) && float.IsNaN((float)(object)value!)) || (typeof(T) == typeof(double) && double.IsNaN((double)(object)value!));

    private static T Own(T value) =>
        typeof(T) == typeof(ReadOnlyMemory<char>) ? (T)(object)((ReadOnlyMemory<char>)(object)value!).ToString().AsMemory() : value;
}
