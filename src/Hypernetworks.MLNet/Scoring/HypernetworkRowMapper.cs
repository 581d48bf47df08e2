using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Scoring;

/// <summary>
/// The row-to-row mapper of a <see cref="HypernetworkTransformer"/>: the output schema is the input's columns (same
/// indices) followed by the score columns, and a mapped row scores its input row once per position, on first need.
/// </summary>
internal sealed class HypernetworkRowMapper : IRowToRowMapper
{
    private readonly HypernetworkTransformer _transformer;

    public HypernetworkRowMapper(HypernetworkTransformer transformer, DataViewSchema inputSchema, DataViewSchema outputSchema)
    {
        _transformer = transformer;
        InputSchema = inputSchema;
        OutputSchema = outputSchema;
    }

    /// <inheritdoc />
    public DataViewSchema InputSchema { get; }

    /// <inheritdoc />
    public DataViewSchema OutputSchema { get; }

    /// <summary>The index of the first score column in <see cref="OutputSchema"/>.</summary>
    public int FirstScoreColumn => InputSchema.Count;

    /// <inheritdoc />
    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        ArgumentNullException.ThrowIfNull(dependingColumns);
        var needed = new SortedDictionary<int, DataViewSchema.Column>();
        bool scores = false;
        foreach (DataViewSchema.Column column in dependingColumns)
        {
            RowChecks.CheckColumn(OutputSchema, column);
            if (column.Index >= FirstScoreColumn)
            {
                scores = true;
            }
            else
            {
                needed[column.Index] = InputSchema[column.Index];
            }
        }

        if (scores)
        {
            (DataViewSchema.Column conditioning, DataViewSchema.Column features) = _transformer.InputColumns(InputSchema);
            needed[conditioning.Index] = conditioning;
            needed[features.Index] = features;
        }

        return needed.Values;
    }

    /// <inheritdoc />
    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(activeColumns);
        bool[] active = RowChecks.ActiveFlags(OutputSchema, activeColumns);
        return new ScoredRow(input, _transformer, OutputSchema, FirstScoreColumn, active);
    }
}
