namespace Hypernetworks.Tensors;

/// <summary>
/// A split product as a job for the <see cref="WorkerPool"/>. One instance per calling thread, reused, so a
/// steady stream of parallel products allocates nothing.
/// </summary>
internal sealed class GemmJob : IParallelJob
{
    [ThreadStatic]
    private static GemmJob? t_instance;

    private GemmSplit _split;
    private bool _running;

    public int Chunks => _split.Chunks;

    /// <summary>Runs every chunk of <paramref name="split"/> on up to <paramref name="threads"/> threads.</summary>
    public static void Run(in GemmSplit split, int threads)
    {
        GemmJob job = t_instance ??= new GemmJob();
        if (job._running)
        {
            // A product started from inside one of this thread's chunks: the thread's job is in use (and the pool
            // busy), so it runs here, chunk by chunk.
            for (int i = 0; i < split.Chunks; i++)
            {
                GemmExecutor.Run(split.Part(i), split.Path);
            }

            return;
        }

        job._split = split;
        job._running = true;
        try
        {
            WorkerPool.Run(job, threads);
        }
        finally
        {
            job._split = default;
            job._running = false;
        }
    }

    public void RunChunk(int index) => GemmExecutor.Run(_split.Part(index), _split.Path);
}
