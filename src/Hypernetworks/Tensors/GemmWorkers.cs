namespace Hypernetworks.Tensors;

/// <summary>
/// The shared pool of persistent GEMM workers. The caller and the workers take chunks of one split from a shared
/// counter until none is left, so a thread that the operating system pauses holds up only the chunk it has. One
/// caller at a time owns the pool; a call that finds it busy (another thread is multiplying) runs all its chunks
/// itself, which gives the same result, only later.
/// </summary>
internal static class GemmWorkers
{
    private static GemmWorker[] s_workers = [];
    private static int s_busy;

    // The split being worked on and the next chunk to take; written only by the caller that owns the pool,
    // before it signals the workers (the signal is a full memory barrier).
    private static GemmSplit s_split;
    private static int s_next;

    /// <summary>Runs every chunk of <paramref name="split"/> on the calling thread and up to <paramref name="threads"/> − 1 workers.</summary>
    public static void Run(in GemmSplit split, int threads)
    {
        if (threads <= 1 || Interlocked.CompareExchange(ref s_busy, 1, 0) != 0)
        {
            for (int i = 0; i < split.Chunks; i++)
            {
                GemmExecutor.Run(split.Part(i), split.Path);
            }

            return;
        }

        try
        {
            GemmWorker[] workers = Ensure(threads - 1);
            s_split = split;
            s_next = 0;
            for (int i = 0; i < threads - 1; i++)
            {
                workers[i].Post();
            }

            Exception? failure = null;
            try
            {
                TakeChunks();
            }
            finally
            {
                // Every worker must be finished before the caller's pinned memory can be released.
                for (int i = 0; i < threads - 1; i++)
                {
                    try
                    {
                        workers[i].Wait();
                    }
                    catch (InvalidOperationException e)
                    {
                        failure ??= e;
                    }
                }
            }

            if (failure is not null)
            {
                throw failure;
            }
        }
        finally
        {
            Volatile.Write(ref s_busy, 0);
        }
    }

    /// <summary>Runs chunks of the current split until none is left.</summary>
    public static void TakeChunks()
    {
        GemmSplit split = s_split;
        int index;
        while ((index = Interlocked.Increment(ref s_next) - 1) < split.Chunks)
        {
            GemmExecutor.Run(split.Part(index), split.Path);
        }
    }

    // Only the caller that owns the pool (s_busy) gets here, so growing needs no further lock.
    private static GemmWorker[] Ensure(int count)
    {
        GemmWorker[] workers = s_workers;
        if (workers.Length < count)
        {
            var grown = new GemmWorker[count];
            workers.CopyTo(grown, 0);
            for (int i = workers.Length; i < count; i++)
            {
                grown[i] = new GemmWorker(i + 1);
            }

            s_workers = workers = grown;
        }

        return workers;
    }
}
