namespace Hypernetworks.Tensors;

/// <summary>
/// Work cut into independent chunks that the <see cref="WorkerPool"/> hands to threads in any order. A chunk's
/// result must not depend on which thread runs it or on what ran before it, so results do not depend on the
/// thread count. Implementations are reused from call to call, so a steady stream of calls allocates nothing.
/// </summary>
internal interface IParallelJob
{
    /// <summary>The number of chunks.</summary>
    int Chunks { get; }

    /// <summary>Runs chunk <paramref name="index"/> on the calling thread.</summary>
    void RunChunk(int index);
}
