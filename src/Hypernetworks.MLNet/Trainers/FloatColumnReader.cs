using System.Globalization;
using System.Numerics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Trainers;

/// <summary>
/// Reads one column of a row's current values as floats, the way the hypernetwork consumes them: Single values as
/// they are (checked finite), vectors densely (checked for size), Booleans as 0/1, keys as their zero-based index
/// (checked against the known key count). Errors name the column and the row. Reading allocates nothing once warm.
/// </summary>
internal abstract class FloatColumnReader
{
    private readonly DataViewRow _row;

    protected FloatColumnReader(DataViewRow row, DataViewSchema.Column column)
    {
        _row = row;
        Column = column;
    }

    /// <summary>The column read.</summary>
    public DataViewSchema.Column Column { get; }

    /// <summary>Makes the reader of <paramref name="column"/> for <paramref name="size"/> values, keys in 1..<paramref name="keyCount"/>.</summary>
    public static FloatColumnReader Create(DataViewRow row, DataViewSchema.Column column, int size, ulong keyCount) => column.Type switch
    {
        VectorDataViewType => new VectorReader(row, column, size),
        BooleanDataViewType => new BooleanReader(row, column),
        KeyDataViewType key when key.RawType == typeof(byte) => new KeyReader<byte>(row, column, keyCount),
        KeyDataViewType key when key.RawType == typeof(ushort) => new KeyReader<ushort>(row, column, keyCount),
        KeyDataViewType key when key.RawType == typeof(uint) => new KeyReader<uint>(row, column, keyCount),
        KeyDataViewType => new KeyReader<ulong>(row, column, keyCount),
        _ => new SingleReader(row, column),
    };

    /// <summary>Writes the current row's values to the start of <paramref name="destination"/>.</summary>
    public abstract void Read(Span<float> destination);

    protected InvalidOperationException Error(string what) =>
        new($"Column '{Column.Name}' row {_row.Position} {what}.");

    protected void CheckFinite(ReadOnlySpan<float> values)
    {
        // One vectorised sum answers for the common case: it is finite only if every value is (an overflow of finite
        // values falls through to the exact scan, which then finds nothing).
        if (float.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum(values)))
        {
            return;
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                string value = values[i].ToString(CultureInfo.InvariantCulture);
                throw Error(values.Length == 1 && Column.Type is not VectorDataViewType
                    ? $"is {value}; the hypernetwork needs finite values"
                    : $"slot {i} is {value}; the hypernetwork needs finite values");
            }
        }
    }

    private sealed class SingleReader(DataViewRow row, DataViewSchema.Column column) : FloatColumnReader(row, column)
    {
        private readonly ValueGetter<float> _getter = row.GetGetter<float>(column);

        public override void Read(Span<float> destination)
        {
            float value = 0;
            _getter(ref value);
            destination[0] = value;
            CheckFinite(destination[..1]);
        }
    }

    private sealed class VectorReader(DataViewRow row, DataViewSchema.Column column, int size) : FloatColumnReader(row, column)
    {
        private readonly ValueGetter<VBuffer<float>> _getter = row.GetGetter<VBuffer<float>>(column);
        private VBuffer<float> _buffer;

        public override void Read(Span<float> destination)
        {
            _getter(ref _buffer);
            if (_buffer.Length != size)
            {
                throw Error($"has {_buffer.Length} values; the hypernetwork reads vectors of {size}");
            }

            _buffer.CopyTo(destination);
            CheckFinite(destination[..size]);
        }
    }

    private sealed class BooleanReader(DataViewRow row, DataViewSchema.Column column) : FloatColumnReader(row, column)
    {
        private readonly ValueGetter<bool> _getter = row.GetGetter<bool>(column);

        public override void Read(Span<float> destination)
        {
            bool value = false;
            _getter(ref value);
            destination[0] = value ? 1f : 0f;
        }
    }

    private sealed class KeyReader<T>(DataViewRow row, DataViewSchema.Column column, ulong keyCount) : FloatColumnReader(row, column)
        where T : unmanaged, IBinaryInteger<T>
    {
        private readonly ValueGetter<T> _getter = row.GetGetter<T>(column);

        public override void Read(Span<float> destination)
        {
            T raw = default;
            _getter(ref raw);
            ulong key = ulong.CreateTruncating(raw);
            if (key == 0)
            {
                throw Error($"holds a missing key (0), e.g. a value not seen when the key mapping was fitted; the hypernetwork knows keys 1-{keyCount}");
            }

            if (key > keyCount)
            {
                throw Error($"holds key {key}; the hypernetwork knows keys 1-{keyCount} only");
            }

            destination[0] = key - 1;
        }
    }
}
