using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>A row mapper whose output is its input plus <see cref="AddedColumn"/>s (which hide input columns of the same name).</summary>
internal sealed class ColumnAddingRowMapper : IRowToRowMapper
{
    private readonly IReadOnlyList<AddedColumn> _added;

    public ColumnAddingRowMapper(DataViewSchema inputSchema, IReadOnlyList<AddedColumn> added)
    {
        InputSchema = inputSchema;
        _added = added;
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        builder.AddColumns(added.Select(a => a.Column));
        OutputSchema = builder.ToSchema();
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        bool[] needed = new bool[InputSchema.Count];
        foreach (DataViewSchema.Column column in dependingColumns)
        {
            RowChecks.CheckColumn(OutputSchema, column);
            if (column.Index < InputSchema.Count)
            {
                needed[column.Index] = true;
            }
            else
            {
                foreach (int dependency in _added[column.Index - InputSchema.Count].Dependencies)
                {
                    needed[dependency] = true;
                }
            }
        }

        return Enumerable.Range(0, needed.Length).Where(i => needed[i]).Select(i => InputSchema[i]).ToList();
    }

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        ArgumentNullException.ThrowIfNull(input);
        bool[] active = RowChecks.ActiveFlags(OutputSchema, activeColumns);
        var getters = new Delegate?[OutputSchema.Count];
        for (int i = 0; i < _added.Count; i++)
        {
            if (active[InputSchema.Count + i])
            {
                getters[InputSchema.Count + i] = _added[i].MakeGetter(input);
            }
        }

        return new Row(this, input, getters);
    }

    private sealed class Row : DataViewRow
    {
        private readonly ColumnAddingRowMapper _mapper;
        private readonly DataViewRow _input;
        private readonly Delegate?[] _getters;

        public Row(ColumnAddingRowMapper mapper, DataViewRow input, Delegate?[] getters)
        {
            _mapper = mapper;
            _input = input;
            _getters = getters;
        }

        public override long Position => _input.Position;

        public override long Batch => _input.Batch;

        public override DataViewSchema Schema => _mapper.OutputSchema;

        public override bool IsColumnActive(DataViewSchema.Column column)
        {
            RowChecks.CheckColumn(Schema, column);
            int inputCount = _mapper.InputSchema.Count;
            return column.Index < inputCount ? _input.IsColumnActive(_mapper.InputSchema[column.Index]) : _getters[column.Index] is not null;
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            RowChecks.CheckColumn(Schema, column);
            return column.Index < _mapper.InputSchema.Count
                ? _input.GetGetter<TValue>(_mapper.InputSchema[column.Index])
                : RowChecks.Cast<TValue>(_getters[column.Index], column);
        }
    }
}
