using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// The rows of one view followed by the rows of another with the same columns (train then validation, for the
/// final model); lazy, and in order (it does not shuffle). Its columns are the first view's visible columns, with
/// their annotations; both views' columns are found by name.
/// </summary>
internal sealed class ConcatenatedDataView : IDataView
{
    private readonly IDataView first;
    private readonly IDataView second;

    public ConcatenatedDataView(IDataView first, IDataView second)
    {
        var builder = new DataViewSchema.Builder();
        foreach (DataViewSchema.Column column in first.Schema.Where(c => !c.IsHidden))
        {
            DataViewSchema.Column? other = second.Schema.GetColumnOrNull(column.Name);
            if (other is null || !other.Value.Type.Equals(column.Type))
            {
                throw new ArgumentException(
                    $"The validation set's column '{column.Name}' is {(other is null ? "missing" : other.Value.Type.ToString())}; the training set's is {column.Type}.",
                    nameof(second));
            }

            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }

        this.first = first;
        this.second = second;
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => first.GetRowCount() + second.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var active = new bool[Schema.Count];
        foreach (DataViewSchema.Column column in columnsNeeded)
        {
            active[Check(column).Index] = true;
        }

        string[] names = [.. Schema.Where(c => active[c.Index]).Select(c => c.Name)];
        DataViewRowCursor head = first.GetRowCursor(names.Select(name => first.Schema[name]));
        DataViewRowCursor tail = second.GetRowCursor(names.Select(name => second.Schema[name]));
        return new Cursor(this, head, tail, active);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private DataViewSchema.Column Check(DataViewSchema.Column column)
    {
        if (column.Index < 0 || column.Index >= Schema.Count || Schema[column.Index].Name != column.Name)
        {
            throw new ArgumentException($"Column '{column.Name}' is not a column of this view.", nameof(column));
        }

        return column;
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly ConcatenatedDataView view;
        private readonly DataViewRowCursor head;
        private readonly DataViewRowCursor tail;
        private readonly bool[] active;
        private bool inTail;
        private long position = -1;

        public Cursor(ConcatenatedDataView view, DataViewRowCursor head, DataViewRowCursor tail, bool[] active)
        {
            this.view = view;
            this.head = head;
            this.tail = tail;
            this.active = active;
        }

        public override long Position => position;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => active[view.Check(column).Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column))
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was made.");
            }

            ValueGetter<TValue> fromHead = head.GetGetter<TValue>(head.Schema[column.Name]);
            ValueGetter<TValue> fromTail = tail.GetGetter<TValue>(tail.Schema[column.Name]);
            return (ref TValue value) =>
            {
                if (inTail)
                {
                    fromTail(ref value);
                }
                else
                {
                    fromHead(ref value);
                }
            };
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)position, 0);

        public override bool MoveNext()
        {
            if (!inTail && head.MoveNext())
            {
                position++;
                return true;
            }

            inTail = true;
            if (tail.MoveNext())
            {
                position++;
                return true;
            }

            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                head.Dispose();
                tail.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
