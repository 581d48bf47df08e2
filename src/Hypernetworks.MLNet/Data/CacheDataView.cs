namespace Hypernetworks.MLNet.Data;

/// <summary>
/// Keeps the rows of a view in memory: the first cursor reads the source once (all columns), later cursors read
/// memory. Cursors can visit rows in a shuffled order.
/// </summary>
internal sealed class CacheDataView : IDataView
{
    private readonly IDataView _source;
    private readonly Lazy<(CachedColumn[] Columns, int RowCount)> _cache;

    public CacheDataView(IDataView source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _cache = new Lazy<(CachedColumn[], int)>(Fill, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool CanShuffle => true;

    public DataViewSchema Schema => _source.Schema;

    public long? GetRowCount() => _cache.IsValueCreated ? _cache.Value.RowCount : _source.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        bool[] active = RowChecks.ActiveFlags(Schema, columnsNeeded);
        (CachedColumn[] columns, int rowCount) = _cache.Value;
        int[]? order = null;
        if (rand is not null)
        {
            order = Enumerable.Range(0, rowCount).ToArray();
            rand.Shuffle(order);
        }

        return new Cursor(Schema, columns, active, rowCount, order);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private (CachedColumn[] Columns, int RowCount) Fill()
    {
        using DataViewRowCursor cursor = _source.GetRowCursor(Schema);
        var columns = Schema.Select(c => CachedColumn.Create(c.Type, cursor, c)).ToArray();
        int rows = 0;
        while (cursor.MoveNext())
        {
            foreach (CachedColumn column in columns)
            {
                column.Append();
            }

            rows = checked(rows + 1);
        }

        return (columns, rows);
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly int _rowCount;
        private readonly int[]? _order;
        private readonly Delegate?[] _getters;
        private long _position = -1;

        public Cursor(DataViewSchema schema, CachedColumn[] columns, bool[] active, int rowCount, int[]? order)
        {
            Schema = schema;
            _rowCount = rowCount;
            _order = order;
            _getters = new Delegate?[columns.Length];
            for (int i = 0; i < columns.Length; i++)
            {
                if (active[i])
                {
                    _getters[i] = columns[i].MakeGetter(CurrentRow);
                }
            }
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema { get; }

        public override bool IsColumnActive(DataViewSchema.Column column)
        {
            RowChecks.CheckColumn(Schema, column);
            return _getters[column.Index] is not null;
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            RowChecks.CheckColumn(Schema, column);
            return RowChecks.Cast<TValue>(_getters[column.Index], column);
        }

        public override bool MoveNext()
        {
            if (_position + 1 >= _rowCount)
            {
                _position = _rowCount;
                return false;
            }

            _position++;
            return true;
        }

        private int CurrentRow()
        {
            if (_position < 0 || _position >= _rowCount)
            {
                throw new InvalidOperationException("The cursor is not on a row: call MoveNext and check that it returned true.");
            }

            return _order is null ? (int)_position : _order[_position];
        }
    }
}
