using Hypernetworks.Tensors;

namespace Hypernetworks.Optimizers;

/// <summary>
/// An optimizer's parameters cut into fixed ranges of at most <see cref="RangeLength"/> values (small parameters
/// are one range each), as a <see cref="WorkerPool"/> job that applies the optimizer's update. Every value is
/// updated by the same operations whatever thread runs its range.
/// </summary>
internal sealed class ParameterRanges : IParallelJob
{
    // 128 KB of each of the update's streams: long enough that a range's hand-over costs little, short enough that
    // two threads share a large parameter evenly.
    private const int RangeLength = 32 * 1024;

    // Below this many values in all (about 20 µs of updates on one core) a step runs on the calling thread.
    private const long ParallelValues = 64 * 1024;

    private readonly Optimizer _owner;
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly (int Parameter, int Start, int Count)[] _ranges;

    // 1 for parameters too small to be worth the hand-over to another thread; else no limit of its own.
    private readonly int _threads;

    public ParameterRanges(Optimizer owner, IReadOnlyList<Parameter> parameters)
    {
        _owner = owner;
        _parameters = parameters;
        var ranges = new List<(int, int, int)>();
        for (int p = 0; p < parameters.Count; p++)
        {
            for (int start = 0; start < parameters[p].Length; start += RangeLength)
            {
                ranges.Add((p, start, Math.Min(RangeLength, parameters[p].Length - start)));
            }
        }

        _ranges = [.. ranges];
        _threads = parameters.Sum(p => (long)p.Length) < ParallelValues ? 1 : int.MaxValue;
    }

    public int Chunks => _ranges.Length;

    /// <summary>Calls the owner's range update for every range.</summary>
    public void Update()
    {
        // A gradient still pending its deferred clear (a parameter no backward pass reached) is cleared here, on
        // the calling thread, so that the ranges' threads only read it.
        for (int p = 0; p < _parameters.Count; p++)
        {
            _ = _parameters[p].Gradient;
        }

        WorkerPool.Run(this, Math.Min(_threads, WorkerPool.AvailableThreads));
    }

    public void RunChunk(int index)
    {
        (int parameter, int start, int count) = _ranges[index];
        _owner.UpdateRange(parameter, start, count);
    }
}
