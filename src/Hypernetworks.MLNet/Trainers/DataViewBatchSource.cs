using Hypernetworks.Model;
using Hypernetworks.Model.Training;
using Microsoft.ML;

namespace Hypernetworks.MLNet.Trainers;

/// <summary>
/// Streams training batches from a data view without holding it in memory: every epoch opens a new cursor (shuffled
/// when the view can shuffle) and reads rows as the training loop asks for them, standardised as the first pass
/// (<see cref="Inspect"/>) measured.
/// </summary>
internal sealed class DataViewBatchSource : ITrainingBatchSource, IDisposable
{
    private readonly IDataView _data;
    private readonly HypernetworkColumnLayout _layout;
    private readonly DataViewSchema.Column[] _columns;
    private readonly int _seed;
    private readonly HashSet<int>? _seenKeys;
    private DataViewRowCursor? _cursor;
    private FloatColumnReader? _conditioning;
    private FloatColumnReader? _features;
    private FloatColumnReader? _label;

    public DataViewBatchSource(IDataView data, HypernetworkColumnLayout layout, int seed)
    {
        _data = data;
        _layout = layout;
        _seed = seed;
        _seenKeys = layout.ConditioningKeyCount > 0 ? [] : null;
        DataViewSchema schema = data.Schema;
        _columns = [schema[layout.ConditioningColumnName], schema[layout.FeatureColumnName], schema[layout.LabelColumnName]];
    }

    /// <summary>The standardisation applied to every batch; set by <see cref="Inspect"/>.</summary>
    public InputStandardization Standardization { get; private set; } = InputStandardization.None;

    /// <summary>For a key conditioning, the zero-based keys of every row served so far (the keys a fit learns); else null.</summary>
    public IReadOnlyCollection<int>? SeenKeys => _seenKeys;

    /// <summary>
    /// Reads every row once: checks the rows, fits the standardisation asked for, and returns up to
    /// <paramref name="maxRows"/> standardised conditioning rows for the initialisation's calibration.
    /// </summary>
    public float[] Inspect(int maxRows, bool standardizeConditioning, bool standardizeFeatures, CancellationToken cancellationToken)
    {
        BeginEpoch(-1);
        int c = _layout.ConditioningSize;
        var conditioning = new float[maxRows * c];
        var conditioningRow = new float[c];
        var featureRow = new float[_layout.FeatureSize];
        var conditioningStatistics = standardizeConditioning ? new ColumnStandardization.Accumulator(c) : null;
        var featureStatistics = standardizeFeatures ? new ColumnStandardization.Accumulator(_layout.FeatureSize) : null;
        float label = 0;
        long rows = 0;
        bool positive = false, negative = false;
        while (_cursor!.MoveNext())
        {
            if ((rows & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            _conditioning!.Read(conditioningRow);
            _features!.Read(featureRow);
            _label!.Read(new Span<float>(ref label));
            conditioningStatistics?.Add(conditioningRow);
            featureStatistics?.Add(featureRow);
            if (rows < maxRows)
            {
                conditioningRow.CopyTo(conditioning.AsSpan((int)rows * c, c));
            }

            positive |= label > 0;
            negative |= label <= 0;
            rows++;
        }

        if (rows == 0)
        {
            throw new ArgumentException("The training data has no rows; the hypernetwork needs at least one.", "input");
        }

        if (_layout.Task == HypernetworkTask.BinaryClassification && !(positive && negative))
        {
            throw new ArgumentException(
                $"Label column '{_layout.LabelColumnName}' holds only {(positive ? "true" : "false")} in all {rows} training rows; binary classification needs both classes.", "input");
        }

        Standardization = new InputStandardization(conditioningStatistics?.Finish(), featureStatistics?.Finish());
        float[] sample = conditioning[..((int)Math.Min(rows, maxRows) * c)];
        Standardization.Conditioning?.Apply(sample);
        return sample;
    }

    /// <inheritdoc />
    public void BeginEpoch(int epoch)
    {
        _cursor?.Dispose();
        Random? random = _data.CanShuffle && epoch >= 0 ? new Random(HashCode.Combine(_seed, epoch)) : null;
        _cursor = _data.GetRowCursor(_columns.DistinctBy(c => c.Index), random);
        _conditioning = FloatColumnReader.Create(_cursor, _columns[0], _layout.ConditioningSize, _layout.ConditioningKeyCount);
        _features = FloatColumnReader.Create(_cursor, _columns[1], _layout.FeatureSize, 0);
        _label = FloatColumnReader.Create(_cursor, _columns[2], 1, _layout.Task == HypernetworkTask.MulticlassClassification ? (ulong)_layout.ClassCount : 0);
    }

    /// <inheritdoc />
    public int NextBatch(int capacity, Span<float> conditioning, Span<float> data, Span<float> labels)
    {
        int c = _layout.ConditioningSize, d = _layout.FeatureSize;
        int rows = 0;
        while (rows < capacity && _cursor!.MoveNext())
        {
            _conditioning!.Read(conditioning.Slice(rows * c, c));
            if (_seenKeys is not null)
            {
                _seenKeys.Add((int)conditioning[rows * c]);
            }

            _features!.Read(data.Slice(rows * d, d));
            _label!.Read(labels.Slice(rows, 1));
            rows++;
        }

        Standardization.Apply(conditioning[..(rows * c)], data[..(rows * d)]);
        return rows;
    }

    /// <inheritdoc />
    public void Dispose() => _cursor?.Dispose();
}
