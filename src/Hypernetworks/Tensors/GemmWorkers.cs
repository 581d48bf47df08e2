namespace Hypernetworks.Tensors;

/// <summary>
/// The shared pool of persistent GEMM workers. One caller at a time owns it; a call that finds it busy (another
/// thread is multiplying) runs all its parts itself, which gives the same result, only later.
/// </summary>
internal static class GemmWorkers
{
    private static GemmWorker[] s_workers = [];
    private static int s_busy;

    /// <summary>Runs parts[0] on the calling thread and the others on workers, and returns when all are done.</summary>
    public static void Run(ReadOnlySpan<GemmProblem> parts, GemmPath path)
    {
        if (parts.Length == 1 || Interlocked.CompareExchange(ref s_busy, 1, 0) != 0)
        {
            foreach (GemmProblem part in parts)
            {
                GemmExecutor.Run(part, path);
            }

            return;
        }

        try
        {
            GemmWorker[] workers = Ensure(parts.Length - 1);
            for (int i = 1; i < parts.Length; i++)
            {
                workers[i - 1].Post(parts[i], path);
            }

            Exception? failure = null;
            try
            {
                GemmExecutor.Run(parts[0], path);
            }
            finally
            {
                // Every worker must be finished before the caller's pinned memory can be released.
                for (int i = 1; i < parts.Length; i++)
                {
                    try
                    {
                        workers[i - 1].Wait();
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
