namespace Hypernetworks.MLNet.Transforms;

/// <summary>The lazy output of a row-to-row transformer: each cursor maps an input cursor row by row.</summary>
internal sealed class RowToRowMappedDataView : IDataView
{
    private readonly IDataView _input;
    private readonly IRowToRowMapper _mapper;

    public RowToRowMappedDataView(IDataView input, IRowToRowMapper mapper)
    {
        _input = input;
        _mapper = mapper;
    }

    public bool CanShuffle => _input.CanShuffle;

    public DataViewSchema Schema => _mapper.OutputSchema;

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var active = columnsNeeded.ToList();
        DataViewRowCursor input = _input.GetRowCursor(_mapper.GetDependencies(active), rand);
        return new Cursor(input, _mapper.GetRow(input, active));
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly DataViewRowCursor _input;
        private readonly DataViewRow _row;

        public Cursor(DataViewRowCursor input, DataViewRow row)
        {
            _input = input;
            _row = row;
        }

        public override long Position => _input.Position;

        public override long Batch => _input.Batch;

        public override DataViewSchema Schema => _row.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => _row.IsColumnActive(column);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _row.GetGetter<TValue>(column);

        public override bool MoveNext() => _input.MoveNext();

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
