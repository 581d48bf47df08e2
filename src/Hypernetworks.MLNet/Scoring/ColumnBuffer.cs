using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Scoring;

/// <summary>
/// Holds one input column's values for a batch of rows, so that a cursor can read ahead of the rows it hands out.
/// Vectors are copied into arrays reused from batch to batch.
/// </summary>
internal abstract class ColumnBuffer
{
    /// <summary>A buffer of <paramref name="capacity"/> rows of <paramref name="column"/>, filled from <paramref name="row"/>.</summary>
    public static ColumnBuffer Create(DataViewRow row, DataViewSchema.Column column, int capacity) =>
        column.Type is VectorDataViewType vector
            ? RowGetters.InvokeGeneric<ColumnBuffer>(typeof(ColumnBuffer), nameof(CreateVector), [vector.ItemType.RawType], row, column, capacity)
            : RowGetters.InvokeGeneric<ColumnBuffer>(typeof(ColumnBuffer), nameof(CreateScalar), [column.Type.RawType], row, column, capacity);

    /// <summary>Stores the input row's current value in slot <paramref name="slot"/>.</summary>
    public abstract void Capture(int slot);

    /// <summary>A getter of the value in the slot <paramref name="slot"/> returns.</summary>
    public abstract Delegate MakeGetter(Func<int> slot);

    private static ColumnBuffer CreateScalar<T>(DataViewRow row, DataViewSchema.Column column, int capacity) => new Scalar<T>(row.GetGetter<T>(column), capacity);

    private static ColumnBuffer CreateVector<T>(DataViewRow row, DataViewSchema.Column column, int capacity) => new Vector<T>(row.GetGetter<VBuffer<T>>(column), capacity);

    private sealed class Scalar<T>(ValueGetter<T> getter, int capacity) : ColumnBuffer
    {
        private readonly T[] _values = new T[capacity];

        public override void Capture(int slot) => getter(ref _values[slot]);

        public override Delegate MakeGetter(Func<int> slot) => (ValueGetter<T>)((ref T value) => value = _values[slot()]);
    }

    private sealed class Vector<T>(ValueGetter<VBuffer<T>> getter, int capacity) : ColumnBuffer
    {
        private readonly VBuffer<T>[] _values = new VBuffer<T>[capacity];
        private VBuffer<T> _read;

        public override void Capture(int slot)
        {
            getter(ref _read);
            _read.CopyTo(ref _values[slot]);
        }

        public override Delegate MakeGetter(Func<int> slot) => (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) => _values[slot()].CopyTo(ref value));
    }
}
