using Hypernetworks.Model;
using Hypernetworks.Model.Training;

namespace Hypernetworks.MLNet.Trainers;

/// <summary>
/// Streams training batches from a view: every epoch opens a new cursor (shuffled when the view can shuffle) and
/// reads rows straight into the trainer's batch memory, so the data never has to fit in memory.
/// </summary>
internal sealed class DataViewBatchSource : ITrainingBatchSource, IDisposable
{
    private readonly IDataView _data;
    private readonly HypernetworkColumnLayout _layout;
    private readonly DataViewSchema.Column[] _columns;
    private readonly int _seed;
    private DataViewRowCursor? _cursor;
    private FloatColumnReader? _conditioning;
    private FloatColumnReader? _features;
    private FloatColumnReader? _label;

    public DataViewBatchSource(IDataView data, HypernetworkColumnLayout layout, int seed)
    {
        _data = data;
        _layout = layout;
        _seed = seed;
        DataViewSchema schema = data.Schema;
        _columns = [schema[layout.ConditioningColumnName], schema[layout.FeatureColumnName], schema[layout.LabelColumnName]];
    }

    /// <summary>
    /// One checking pass before training: counts the rows (none is an error), checks every value, checks that a
    /// binary label holds both classes, and returns the first conditioning rows (up to <paramref name="maxRows"/>) to
    /// calibrate the initialisation with.
    /// </summary>
    public float[] Inspect(int maxRows, CancellationToken cancellationToken)
    {
        BeginEpoch(-1);
        int c = _layout.ConditioningSize;
        var conditioning = new float[maxRows * c];
        var scratch = new float[Math.Max(c, _layout.FeatureSize)];
        float label = 0;
        long rows = 0;
        bool positive = false, negative = false;
        while (_cursor!.MoveNext())
        {
            if ((rows & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            _conditioning!.Read(rows < maxRows ? conditioning.AsSpan((int)rows * c, c) : scratch);
            _features!.Read(scratch);
            _label!.Read(new Span<float>(ref label));
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

        return conditioning[..((int)Math.Min(rows, maxRows) * c)];
    }

    public void BeginEpoch(int epoch)
    {
        _cursor?.Dispose();
        Random? random = _data.CanShuffle && epoch >= 0 ? new Random(HashCode.Combine(_seed, epoch)) : null;
        _cursor = _data.GetRowCursor(_columns.DistinctBy(c => c.Index), random);
        _conditioning = FloatColumnReader.Create(_cursor, _columns[0], _layout.ConditioningSize, _layout.ConditioningKeyCount);
        _features = FloatColumnReader.Create(_cursor, _columns[1], _layout.FeatureSize, 0);
        _label = FloatColumnReader.Create(_cursor, _columns[2], 1, _layout.Task == HypernetworkTask.MulticlassClassification ? (ulong)_layout.ClassCount : 0);
    }

    public int NextBatch(int capacity, Span<float> conditioning, Span<float> data, Span<float> labels)
    {
        int c = _layout.ConditioningSize, d = _layout.FeatureSize;
        int rows = 0;
        while (rows < capacity && _cursor!.MoveNext())
        {
            _conditioning!.Read(conditioning.Slice(rows * c, c));
            _features!.Read(data.Slice(rows * d, d));
            _label!.Read(labels.Slice(rows, 1));
            rows++;
        }

        return rows;
    }

    public void Dispose() => _cursor?.Dispose();
}
