using Hypernetworks.Initialization;

namespace Hypernetworks.Model.Training;

/// <summary>Mini-batches over a <see cref="TrainingSet"/>, reshuffled every epoch from a seeded generator.</summary>
internal sealed class ShuffledBatches : ITrainingBatchSource
{
    private readonly TrainingSet _set;
    private readonly int[] _order;
    private readonly SeededRandom _random;
    private readonly bool _shuffle;
    private int _next;

    public ShuffledBatches(TrainingSet set, bool shuffle, ulong seed)
    {
        _set = set;
        _shuffle = shuffle;
        _order = [.. Enumerable.Range(0, set.Rows)];
        _random = new SeededRandom(seed);
    }

    public void BeginEpoch(int epoch)
    {
        _next = 0;
        if (_shuffle)
        {
            _random.Shuffle(_order.AsSpan());
        }
    }

    public int NextBatch(int capacity, Span<float> conditioning, Span<float> data, Span<float> labels)
    {
        int count = Math.Min(capacity, _order.Length - _next);
        for (int i = 0; i < count; i++)
        {
            _set.CopyRow(_order[_next + i], i, conditioning, data, labels);
        }

        _next += count;
        return count;
    }
}
