namespace Hypernetworks.MLNet.Data;

/// <summary>
/// A view over an <see cref="IEnumerable{T}"/> of user objects. Each cursor enumerates the source again, reading
/// only the members of its active columns; nothing is copied up front.
/// </summary>
/// <typeparam name="TRow">The user class.</typeparam>
internal sealed class EnumerableDataView<TRow> : IDataView
    where TRow : class
{
    private readonly IEnumerable<TRow> _source;
    private readonly TypedRowMapping<TRow> _mapping;

    public EnumerableDataView(IEnumerable<TRow> source, SchemaDefinition? schemaDefinition)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _mapping = new TypedRowMapping<TRow>(schemaDefinition, SchemaDefinition.Direction.Read);
        Schema = _mapping.MakeSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _source switch
    {
        ICollection<TRow> collection => collection.Count,
        IReadOnlyCollection<TRow> collection => collection.Count,
        _ => null,
    };

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, RowChecks.ActiveFlags(Schema, columnsNeeded));

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly EnumerableDataView<TRow> _view;
        private readonly IEnumerator<TRow> _enumerator;
        private readonly RowObjectHolder<TRow> _holder = new();
        private readonly Delegate?[] _getters;

        public Cursor(EnumerableDataView<TRow> view, bool[] active)
        {
            _view = view;
            _getters = new Delegate?[active.Length];
            for (int i = 0; i < active.Length; i++)
            {
                if (active[i])
                {
                    _getters[i] = view._mapping.MakeReader(i, _holder);
                }
            }

            _enumerator = view._source.GetEnumerator();
        }

        public override long Position => _holder.Position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _view.Schema;

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
            if (!_enumerator.MoveNext())
            {
                _holder.Current = null;
                return false;
            }

            _holder.Current = _enumerator.Current;
            _holder.Position++;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _enumerator.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
