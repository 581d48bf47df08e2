using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Scoring;

/// <summary>
/// The lazy output of <see cref="HypernetworkTransformer.Transform"/>. A cursor that reads a score column reads
/// its input ahead in batches and scores each batch with one call of the model (rows sharing a conditioning share
/// generated weights); a cursor that reads none maps rows one by one without scoring.
/// </summary>
internal sealed class BatchScoringDataView : IDataView
{
    private readonly IDataView _input;
    private readonly HypernetworkTransformer _transformer;
    private readonly HypernetworkRowMapper _mapper;

    public BatchScoringDataView(IDataView input, HypernetworkTransformer transformer, HypernetworkRowMapper mapper)
    {
        _input = input;
        _transformer = transformer;
        _mapper = mapper;
    }

    /// <inheritdoc />
    public bool CanShuffle => _input.CanShuffle;

    /// <inheritdoc />
    public DataViewSchema Schema => _mapper.OutputSchema;

    /// <inheritdoc />
    public long? GetRowCount() => _input.GetRowCount();

    /// <inheritdoc />
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var needed = columnsNeeded.ToList();
        bool[] active = RowChecks.ActiveFlags(Schema, needed);
        DataViewRowCursor input = _input.GetRowCursor(_mapper.GetDependencies(needed), rand);
        if (!needed.Any(c => c.Index >= _mapper.FirstScoreColumn))
        {
            return new MappedRowCursor(input, _mapper.GetRow(input, needed));
        }

        return new BatchScoringCursor(input, _transformer, Schema, active);
    }

    /// <inheritdoc />
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
