using Hypernetworks.MLNet.Trainers;
using Microsoft.ML;
using Microsoft.ML.Data;
namespace Hypernetworks.MLNet.Scoring;

/// <summary>
/// Reads up to <see cref="HypernetworkTransformer.ScoringBatchSize"/> input rows ahead, keeps the values of the
/// active input columns, scores the batch at once, then hands the rows out one by one.
/// </summary>
internal sealed class BatchScoringCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _input;
    private readonly HypernetworkTransformer _transformer;
    private readonly bool[] _active;
    private readonly int _inputCount;
    private readonly FloatColumnReader _conditioningReader;
    private readonly FloatColumnReader _featureReader;
    private readonly (int Column, ColumnBuffer Buffer)[] _buffers;
    private readonly Delegate?[] _getters;
    private readonly float[] _conditioning;
    private readonly float[] _features;
    private readonly float[] _outputs;
    private readonly int _conditioningSize;
    private readonly int _featureSize;
    private readonly int _outputSize;
    private int _count;
    private int _slot = -1;
    private long _position = -1;

    public BatchScoringCursor(DataViewRowCursor input, HypernetworkTransformer transformer, DataViewSchema schema, bool[] active)
    {
        _input = input;
        _transformer = transformer;
        Schema = schema;
        _active = active;
        _inputCount = input.Schema.Count;
        int capacity = HypernetworkTransformer.ScoringBatchSize;
        (_conditioningReader, _featureReader) = transformer.CreateReaders(input);
        HypernetworkColumnLayout layout = transformer.Layout;
        _conditioningSize = layout.ConditioningSize;
        _featureSize = layout.FeatureSize;
        _outputSize = layout.OutputSize;
        _conditioning = new float[capacity * _conditioningSize];
        _features = new float[capacity * _featureSize];
        _outputs = new float[capacity * _outputSize];
        _buffers = [.. Enumerable.Range(0, _inputCount).Where(i => active[i]).Select(i => (i, ColumnBuffer.Create(input, input.Schema[i], capacity)))];
        _getters = new Delegate?[schema.Count];
        foreach ((int column, ColumnBuffer buffer) in _buffers)
        {
            _getters[column] = buffer.MakeGetter(() => _slot);
        }

        var source = new BatchScoreSource(this);
        for (int i = _inputCount; i < schema.Count; i++)
        {
            if (active[i])
            {
                _getters[i] = ScoreColumns.MakeGetter(transformer.Task, i - _inputCount, source);
            }
        }
    }

    public override long Position => _position;

    public override long Batch => 0;

    public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

    public override DataViewSchema Schema { get; }

    public override bool IsColumnActive(DataViewSchema.Column column)
    {
        RowChecks.CheckColumn(Schema, column);
        return _active[column.Index];
    }

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        RowChecks.CheckColumn(Schema, column);
        return RowChecks.Cast<TValue>(_getters[column.Index], column);
    }

    public override bool MoveNext()
    {
        if (++_slot >= _count)
        {
            _slot = 0;
            if (!FillBatch())
            {
                _count = 0;
                return false;
            }
        }

        _position++;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _input.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool FillBatch()
    {
        int rows = 0;
        while (rows < HypernetworkTransformer.ScoringBatchSize && _input.MoveNext())
        {
            _conditioningReader.Read(_conditioning.AsSpan(rows * _conditioningSize, _conditioningSize));
            _featureReader.Read(_features.AsSpan(rows * _featureSize, _featureSize));
            foreach ((_, ColumnBuffer buffer) in _buffers)
            {
                buffer.Capture(rows);
            }

            rows++;
        }

        _count = rows;
        if (rows == 0)
        {
            return false;
        }

        _transformer.Score(_conditioning, _features, _outputs, rows);
        return true;
    }

    private sealed class BatchScoreSource(BatchScoringCursor cursor) : ScoreSource
    {
        public override ReadOnlySpan<float> Current() =>
            cursor._outputs.AsSpan(cursor._slot * cursor._outputSize, cursor._outputSize);
    }
}
