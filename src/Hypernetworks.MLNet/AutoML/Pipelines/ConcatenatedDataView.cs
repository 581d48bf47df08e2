using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// The rows of one view followed by the rows of another with the same columns (train then validation, for the
/// final model); lazy, and in order (it does not shuffle).
/// </summary>
internal sealed class ConcatenatedDataView : IDataView
{
    private readonly IDataView first;
    private readonly IDataView second;

    public ConcatenatedDataView(IDataView first, IDataView second)
    {
        foreach (DataViewSchema.Column column in first.Schema)
        {
            DataViewSchema.Column? other = second.Schema.GetColumnOrNull(column.Name);
            if (other is null || !other.Value.Type.Equals(column.Type))
            {
                throw new ArgumentException(
                    $"The validation set's column '{column.Name}' is {(other is null ? "missing" : other.Value.Type.ToString())}; the training set's is {column.Type}.",
                    nameof(second));
            }
        }

        this.first = first;
        this.second = second;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema => first.Schema;

    public long? GetRowCount() => first.GetRowCount() + second.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var requested = columnsNeeded.ToList();
        bool[] active = RowChecks.ActiveFlags(Schema, requested);
        DataViewRowCursor head = first.GetRowCursor(requested);
        DataViewRowCursor tail = second.GetRowCursor(requested.Select(c => second.Schema[c.Name]));
        return new Cursor(Schema, second.Schema, head, tail, active);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly DataViewSchema schema;
        private readonly DataViewSchema tailSchema;
        private readonly DataViewRowCursor head;
        private readonly DataViewRowCursor tail;
        private readonly bool[] active;
        private bool inTail;
        private long position = -1;

        public Cursor(DataViewSchema schema, DataViewSchema tailSchema, DataViewRowCursor head, DataViewRowCursor tail, bool[] active)
        {
            this.schema = schema;
            this.tailSchema = tailSchema;
            this.head = head;
            this.tail = tail;
            this.active = active;
        }

        public override long Position => position;

        public override long Batch => 0;

        public override DataViewSchema Schema => schema;

        public override bool IsColumnActive(DataViewSchema.Column column)
        {
            RowChecks.CheckColumn(Schema, column);
            return active[column.Index];
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            RowChecks.CheckColumn(Schema, column);
            if (!active[column.Index])
            {
                return RowChecks.Cast<TValue>(null, column);
            }

            ValueGetter<TValue> fromHead = head.GetGetter<TValue>(column);
            ValueGetter<TValue> fromTail = tail.GetGetter<TValue>(tailSchema[column.Name]);
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
