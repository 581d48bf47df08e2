using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Scoring;

/// <summary>
/// One input row with the score columns added: input columns pass through, and the scores of the input's current
/// position are computed once, when a score getter first asks (through <see cref="SingleRowScorer"/>, which keeps the
/// generated networks of conditionings that repeat).
/// </summary>
internal sealed class ScoredRow : DataViewRow
{
    private readonly DataViewRow _input;
    private readonly bool[] _active;
    private readonly int _firstScoreColumn;
    private readonly Delegate?[] _scoreGetters;

    public ScoredRow(DataViewRow input, HypernetworkTransformer transformer, DataViewSchema schema, int firstScoreColumn, bool[] active)
    {
        _input = input;
        Schema = schema;
        _firstScoreColumn = firstScoreColumn;
        _active = active;
        _scoreGetters = new Delegate?[schema.Count - firstScoreColumn];
        if (_scoreGetters.Length > 0 && active.Skip(firstScoreColumn).Any(a => a))
        {
            var scorer = new SingleRowScorer(transformer, input);
            for (int i = 0; i < _scoreGetters.Length; i++)
            {
                if (active[firstScoreColumn + i])
                {
                    _scoreGetters[i] = ScoreColumns.MakeGetter(transformer.Task, i, scorer);
                }
            }
        }
    }

    /// <inheritdoc />
    public override DataViewSchema Schema { get; }

    /// <inheritdoc />
    public override long Position => _input.Position;

    /// <inheritdoc />
    public override long Batch => _input.Batch;

    /// <inheritdoc />
    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    /// <inheritdoc />
    public override bool IsColumnActive(DataViewSchema.Column column)
    {
        RowChecks.CheckColumn(Schema, column);
        return column.Index < _firstScoreColumn ? _input.IsColumnActive(_input.Schema[column.Index]) : _active[column.Index];
    }

    /// <inheritdoc />
    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        RowChecks.CheckColumn(Schema, column);
        return column.Index < _firstScoreColumn
            ? _input.GetGetter<TValue>(_input.Schema[column.Index])
            : RowChecks.Cast<TValue>(_scoreGetters[column.Index - _firstScoreColumn], column);
    }
}
