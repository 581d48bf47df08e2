using Hypernetworks.Tensors;

namespace Hypernetworks.Optimizers;

/// <summary>
/// An optimizer's parameters cut into fixed ranges of at most <see cref="RangeLength"/> values (small parameters
/// are one range each), as a <see cref="WorkerPool"/> job that either zeroes the gradients or applies the
/// optimizer's update. Every value is updated by the same operations whatever thread runs its range.
/// </summary>
internal sealed class ParameterRanges : IParallelJob
{
    // 128 KB of each of the update's streams: long enough that a range's hand-over costs little, short enough that
    // two threads share a large parameter evenly.
    private const int RangeLength = 32 * 1024;

    private readonly Optimizer _owner;
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly (int Parameter, int Start, int Count)[] _ranges;
    private bool _zeroing;

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
    }

    public int Chunks => _ranges.Length;

    /// <summary>Sets every gradient to zero.</summary>
    public void ZeroGradients()
    {
        _zeroing = true;
        WorkerPool.Run(this, WorkerPool.AvailableThreads);
    }

    /// <summary>Calls the owner's range update for every range.</summary>
    public void Update()
    {
        _zeroing = false;
        WorkerPool.Run(this, WorkerPool.AvailableThreads);
    }

    public void RunChunk(int index)
    {
        (int parameter, int start, int count) = _ranges[index];
        if (_zeroing)
        {
            _parameters[parameter].Gradient.Span.Slice(start, count).Clear();
        }
        else
        {
            _owner.UpdateRange(parameter, start, count);
        }
    }
}
