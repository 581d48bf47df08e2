namespace Hypernetworks.MLNet.Data;

/// <summary>The rows of a view for which a predicate holds; lazy, the predicate runs as cursors move.</summary>
internal sealed class RowFilterDataView : IDataView
{
    private readonly IDataView _source;
    private readonly IReadOnlyList<DataViewSchema.Column> _predicateColumns;
    private readonly Func<DataViewRow, Func<bool>> _makePredicate;

    /// <summary>Filters <paramref name="source"/>.</summary>
    /// <param name="source">The view filtered.</param>
    /// <param name="predicateColumns">The columns the predicate reads.</param>
    /// <param name="makePredicate">Makes the predicate over a cursor of <paramref name="source"/>; it reads the cursor's current row.</param>
    public RowFilterDataView(IDataView source, IReadOnlyList<DataViewSchema.Column> predicateColumns, Func<DataViewRow, Func<bool>> makePredicate)
    {
        _source = source;
        _predicateColumns = predicateColumns;
        _makePredicate = makePredicate;
    }

    public bool CanShuffle => _source.CanShuffle;

    public DataViewSchema Schema => _source.Schema;

    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var requested = columnsNeeded.ToList();
        bool[] active = RowChecks.ActiveFlags(Schema, requested);
        DataViewRowCursor input = _source.GetRowCursor(requested.Concat(_predicateColumns).DistinctBy(c => c.Index), rand);
        return new Cursor(input, _makePredicate(input), active);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly DataViewRowCursor _input;
        private readonly Func<bool> _predicate;
        private readonly bool[] _active;
        private long _position = -1;

        public Cursor(DataViewRowCursor input, Func<bool> predicate, bool[] active)
        {
            _input = input;
            _predicate = predicate;
            _active = active;
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _input.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column)
        {
            RowChecks.CheckColumn(Schema, column);
            return _active[column.Index];
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            RowChecks.CheckColumn(Schema, column);
            return _active[column.Index] ? _input.GetGetter<TValue>(column) : RowChecks.Cast<TValue>(null, column);
        }

        public override bool MoveNext()
        {
            while (_input.MoveNext())
            {
                if (_predicate())
                {
                    _position++;
                    return true;
                }
            }

            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _input.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
