using Hypernetworks.MLNet.Transforms;

namespace Hypernetworks.MLNet.Trainers;

/// <summary>
/// The lazy output of <see cref="HypernetworkTransformer.Transform"/>. A cursor that reads a score column reads
/// its input ahead in batches and scores each batch with one call of the model (rows sharing a conditioning share
/// generated weights); a cursor that reads none maps rows one by one without scoring.
/// </summary>
internal sealed class BatchScoringDataView : IDataView
{
    private readonly IDataView _input;
    private readonly HypernetworkTransformer _transformer;
    private readonly IRowToRowMapper _mapper;

    public BatchScoringDataView(IDataView input, HypernetworkTransformer transformer, IRowToRowMapper mapper)
    {
        _input = input;
        _transformer = transformer;
        _mapper = mapper;
    }

    public bool CanShuffle => _input.CanShuffle;

    public DataViewSchema Schema => _mapper.OutputSchema;

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var needed = columnsNeeded.ToList();
        bool[] active = RowChecks.ActiveFlags(Schema, needed);
        int inputCount = _input.Schema.Count;
        if (!needed.Any(c => c.Index >= inputCount))
        {
            return new RowToRowMappedDataView(_input, _mapper).GetRowCursor(needed, rand);
        }

        DataViewRowCursor input = _input.GetRowCursor(_mapper.GetDependencies(needed), rand);
        return new BatchScoringCursor(input, _transformer, Schema, active);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
