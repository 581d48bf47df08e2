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

    public int Chunks => _split.Chunks;

    /// <summary>Runs every chunk of <paramref name="split"/> on up to <paramref name="threads"/> threads.</summary>
    public static void Run(in GemmSplit split, int threads)
    {
        GemmJob job = t_instance ??= new GemmJob();
        job._split = split;
        try
        {
            WorkerPool.Run(job, threads);
        }
        finally
        {
            job._split = default;
        }
    }

    public void RunChunk(int index) => GemmExecutor.Run(_split.Part(index), _split.Path);
}
