namespace Hypernetworks.Tensors;

/// <summary>
/// A product cut into chunks of whole tiles along the rows or the columns of C. Which thread computes a chunk does
/// not change a single bit of it, so threads may take chunks in any order.
/// </summary>
internal readonly struct GemmSplit
{
    private readonly GemmProblem _problem;
    private readonly bool _byRows;
    private readonly int _chunkSize;

    public GemmSplit(in GemmProblem problem, GemmPath path, bool byRows, int chunkSize)
    {
        _problem = problem;
        _byRows = byRows;
        _chunkSize = chunkSize;
        Path = path;
        Chunks = ((byRows ? problem.M : problem.N) + chunkSize - 1) / chunkSize;
    }

    /// <summary>The implementation every chunk runs.</summary>
    public GemmPath Path { get; }

    /// <summary>The number of chunks.</summary>
    public int Chunks { get; }

    /// <summary>Chunk <paramref name="index"/> as a problem of its own.</summary>
    public GemmProblem Part(int index)
    {
        int start = index * _chunkSize;
        int count = Math.Min(_chunkSize, (_byRows ? _problem.M : _problem.N) - start);
        return _byRows ? _problem.Rows(start, count) : _problem.Columns(start, count);
    }
}
