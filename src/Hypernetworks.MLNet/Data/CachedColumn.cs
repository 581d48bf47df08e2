namespace Hypernetworks.MLNet.Data;

/// <summary>The values of one column kept in memory by a <see cref="CacheDataView"/>.</summary>
internal abstract class CachedColumn
{
    /// <summary>A store for a column of <paramref name="type"/>, filled from <paramref name="row"/>.</summary>
    public static CachedColumn Create(DataViewType type, DataViewRow row, DataViewSchema.Column column)
    {
        Type storeType = type is VectorDataViewType vector
            ? typeof(CachedVectorColumn<>).MakeGenericType(vector.ItemType.RawType)
            : typeof(CachedScalarColumn<>).MakeGenericType(type.RawType);
        return (CachedColumn)Activator.CreateInstance(storeType, row, column)!;
    }

    /// <summary>Reads the current row's value and keeps it.</summary>
    public abstract void Append();

    /// <summary>A getter of the value at the row index <paramref name="rowIndex"/> gives.</summary>
    public abstract Delegate MakeGetter(Func<int> rowIndex);
}

/// <summary>A cached column of scalars (immutable values, kept as they are).</summary>
/// <typeparam name="T">The raw type.</typeparam>
internal sealed class CachedScalarColumn<T> : CachedColumn
{
    private readonly ValueGetter<T> _getter;
    private readonly List<T> _values = [];

    public CachedScalarColumn(DataViewRow row, DataViewSchema.Column column)
    {
        _getter = row.GetGetter<T>(column);
    }

    public override void Append()
    {
        T value = default!;
        _getter(ref value);
        _values.Add(value);
    }

    public override Delegate MakeGetter(Func<int> rowIndex) => (ValueGetter<T>)((ref T value) => value = _values[rowIndex()]);
}

/// <summary>A cached column of vectors (each copied, since getters reuse their buffers).</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class CachedVectorColumn<T> : CachedColumn
{
    private readonly ValueGetter<VBuffer<T>> _getter;
    private readonly List<VBuffer<T>> _values = [];
    private VBuffer<T> _buffer;

    public CachedVectorColumn(DataViewRow row, DataViewSchema.Column column)
    {
        _getter = row.GetGetter<VBuffer<T>>(column);
    }

    public override void Append()
    {
        _getter(ref _buffer);
        VBuffer<T> copy = default;
        _buffer.CopyTo(ref copy);
        _values.Add(copy);
    }

    public override Delegate MakeGetter(Func<int> rowIndex) => (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) => _values[rowIndex()].CopyTo(ref value));
}
