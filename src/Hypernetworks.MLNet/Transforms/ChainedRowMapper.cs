namespace Hypernetworks.MLNet.Transforms;

/// <summary>Several row mappers applied one after the other, as one.</summary>
internal sealed class ChainedRowMapper : IRowToRowMapper
{
    private readonly IRowToRowMapper[] _mappers;

    public ChainedRowMapper(DataViewSchema inputSchema, IReadOnlyList<IRowToRowMapper> mappers)
    {
        InputSchema = inputSchema;
        _mappers = [.. mappers];
        OutputSchema = _mappers.Length == 0 ? inputSchema : _mappers[^1].OutputSchema;
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        IEnumerable<DataViewSchema.Column> needed = dependingColumns;
        for (int i = _mappers.Length - 1; i >= 0; i--)
        {
            needed = _mappers[i].GetDependencies(needed);
        }

        return needed;
    }

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Each stage must produce what the next stage depends on: work the active sets out backwards first.
        var activeAt = new IEnumerable<DataViewSchema.Column>[_mappers.Length];
        IEnumerable<DataViewSchema.Column> needed = activeColumns.ToList();
        for (int i = _mappers.Length - 1; i >= 0; i--)
        {
            activeAt[i] = needed;
            needed = _mappers[i].GetDependencies(needed).ToList();
        }

        DataViewRow row = input;
        for (int i = 0; i < _mappers.Length; i++)
        {
            row = _mappers[i].GetRow(row, activeAt[i]);
        }

        return row;
    }
}
