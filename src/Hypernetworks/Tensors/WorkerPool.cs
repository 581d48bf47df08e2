namespace Hypernetworks.Tensors;

/// <summary>
/// The shared pool of persistent workers behind every parallel engine call (products, generator heads, optimizer
/// steps). The caller and the workers take chunks of one job from a shared counter until none is left, so a thread
/// that the operating system pauses holds up only the chunk it has. One caller at a time owns the pool; a call that
/// finds it busy (another thread is using it) runs all its chunks itself, which gives the same result, only later.
/// </summary>
internal static class WorkerPool
{
    private static PoolWorker[] s_workers = [];
    private static int s_busy;

    // The job being worked on and the next chunk to take; written only by the caller that owns the pool,
    // before it signals the workers (the signal is a full memory barrier).
    private static IParallelJob? s_job;
    private static int s_next;
    private static long s_parallelRuns;

    /// <summary>How many jobs have run on more than one thread (tests check that a parallel path was taken).</summary>
    public static long ParallelRuns => Interlocked.Read(ref s_parallelRuns);

    /// <summary>
    /// The threads a call on the current thread may use: <see cref="Engine.MaxThreads"/>, or the calling thread's
    /// own limit (<see cref="Engine.LimitThreads"/>), never more than the machine's processors.
    /// </summary>
    public static int AvailableThreads => Math.Min(Engine.ThreadsForCurrentThread, Environment.ProcessorCount);

    /// <summary>Runs every chunk of <paramref name="job"/> on the calling thread and up to <paramref name="threads"/> − 1 workers.</summary>
    public static void Run(IParallelJob job, int threads)
    {
        if (threads <= 1 || job.Chunks <= 1 || Interlocked.CompareExchange(ref s_busy, 1, 0) != 0)
        {
            for (int i = 0; i < job.Chunks; i++)
            {
                job.RunChunk(i);
            }

            return;
        }

        try
        {
            int helpers = Math.Min(threads, job.Chunks) - 1;
            PoolWorker[] workers = Ensure(helpers);
            Interlocked.Increment(ref s_parallelRuns);
            s_job = job;
            s_next = 0;
            for (int i = 0; i < helpers; i++)
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
                for (int i = 0; i < helpers; i++)
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

                s_job = null;
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

    /// <summary>Runs chunks of the current job until none is left.</summary>
    public static void TakeChunks()
    {
        IParallelJob job = s_job!;
        int index;
        while ((index = Interlocked.Increment(ref s_next) - 1) < job.Chunks)
        {
            job.RunChunk(index);
        }
    }

    // Only the caller that owns the pool (s_busy) gets here, so growing needs no further lock.
    private static PoolWorker[] Ensure(int count)
    {
        PoolWorker[] workers = s_workers;
        if (workers.Length < count)
        {
            var grown = new PoolWorker[count];
            workers.CopyTo(grown, 0);
            for (int i = workers.Length; i < count; i++)
            {
                grown[i] = new PoolWorker(i + 1);
            }

            s_workers = workers = grown;
        }

        return workers;
    }
}
