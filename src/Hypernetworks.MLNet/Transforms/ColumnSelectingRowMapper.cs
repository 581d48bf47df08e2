namespace Hypernetworks.MLNet.Transforms;

/// <summary>A row mapper whose output is a subset of its input's columns, in input order.</summary>
internal sealed class ColumnSelectingRowMapper : IRowToRowMapper
{
    private readonly int[] _sourceIndex;

    public ColumnSelectingRowMapper(DataViewSchema inputSchema, IReadOnlyList<int> keptInputColumns)
    {
        InputSchema = inputSchema;
        _sourceIndex = [.. keptInputColumns];
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(_sourceIndex.Select(i => inputSchema[i]));
        OutputSchema = builder.ToSchema();
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        dependingColumns.Select(c =>
        {
            RowChecks.CheckColumn(OutputSchema, c);
            return InputSchema[_sourceIndex[c.Index]];
        }).ToList();

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new Row(this, input, RowChecks.ActiveFlags(OutputSchema, activeColumns));
    }

    private sealed class Row : DataViewRow
    {
        private readonly ColumnSelectingRowMapper _mapper;
        private readonly DataViewRow _input;
        private readonly bool[] _active;

        public Row(ColumnSelectingRowMapper mapper, DataViewRow input, bool[] active)
        {
            _mapper = mapper;
            _input = input;
            _active = active;
        }

        public override long Position => _input.Position;

        public override long Batch => _input.Batch;

        public override DataViewSchema Schema => _mapper.OutputSchema;

        public override bool IsColumnActive(DataViewSchema.Column column)
        {
            RowChecks.CheckColumn(Schema, column);
            return _active[column.Index];
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            RowChecks.CheckColumn(Schema, column);
            if (!_active[column.Index])
            {
                return RowChecks.Cast<TValue>(null, column);
            }

            return _input.GetGetter<TValue>(_mapper.InputSchema[_mapper._sourceIndex[column.Index]]);
        }
    }
}
