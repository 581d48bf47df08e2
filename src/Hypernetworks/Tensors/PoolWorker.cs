namespace Hypernetworks.Tensors;

/// <summary>
/// A persistent background thread that, when signalled, takes chunks of the pool's current job until none is
/// left (<see cref="WorkerPool.TakeChunks"/>). Hand-over is through two
/// <see cref="ManualResetEventSlim"/>s, which spin briefly before blocking: a call costs well under a microsecond
/// of signalling when the worker is hot, and an idle worker sleeps instead of burning a core.
/// </summary>
internal sealed class PoolWorker
{
    // About 10-20 µs of spinning before a wait falls back to the kernel event.
    private const int SpinCount = 2000;

    private readonly ManualResetEventSlim _start = new(false, SpinCount);
    private readonly ManualResetEventSlim _done = new(false, SpinCount);
    private Exception? _error;

    public PoolWorker(int index)
    {
        var thread = new Thread(Loop)
        {
            IsBackground = true,
            Name = $"Hypernetworks worker {index}",
        };
        thread.Start();
    }

    /// <summary>Sets the worker on the pool's current job; its pointers must stay valid until <see cref="Wait"/> returns.</summary>
    public void Post()
    {
        _error = null;
        _done.Reset();
        _start.Set();
    }

    /// <summary>Waits until the worker has run out of chunks; rethrows what a chunk threw.</summary>
    public void Wait()
    {
        _done.Wait();
        if (_error is not null)
        {
            throw new InvalidOperationException("A Hypernetworks worker thread failed.", _error);
        }
    }

    private void Loop()
    {
        while (true)
        {
            _start.Wait();
            _start.Reset();
            try
            {
                WorkerPool.TakeChunks();
            }
#pragma warning disable CA1031 // The failure is handed to the posting thread, which rethrows it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _error = e;
            }

            _done.Set();
        }
    }
}
