namespace Hypernetworks;

/// <summary>
/// Settings of the compute engine shared by every network in the process: how many threads one engine call (a
/// matrix product, a generator head pass, an optimizer step) may use. Work is cut into fixed chunks whatever the
/// thread count, so results are bitwise the same for every setting; only the time changes.
/// </summary>
public static class Engine
{
    private const int MostThreads = 64;

    private static int s_maxThreads = Environment.ProcessorCount;

    // 0: no limit of the thread's own; the process-wide setting applies.
    [ThreadStatic]
    private static int t_threadLimit;

    /// <summary>
    /// The number of threads one call may use: the caller plus persistent background workers. The default is the
    /// machine's processor count (as PyTorch's default); set 1 to keep every call on its calling thread, which
    /// leaves the other cores to the caller's own parallelism. Calls never use more threads than there are processors.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or more than 64.</exception>
    public static int MaxThreads
    {
        get => s_maxThreads;
        set
        {
            CheckThreads(value, nameof(value));
            s_maxThreads = value;
        }
    }

    /// <summary>The threads a call made on the current thread may use: <see cref="MaxThreads"/>, or the thread's own limit if lower.</summary>
    public static int ThreadsForCurrentThread => t_threadLimit > 0 ? Math.Min(t_threadLimit, s_maxThreads) : s_maxThreads;

    /// <summary>
    /// Limits the calls made on the current thread to <paramref name="threads"/> threads until the returned scope is
    /// disposed (for example, one trial of several running in parallel). A limit only lowers: inside a scope of 2,
    /// or with <see cref="MaxThreads"/> at 2, a scope of 8 still gives 2.
    /// </summary>
    /// <param name="threads">The thread count, 1 to 64.</param>
    /// <returns>A scope that restores the thread's previous limit when disposed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is less than 1 or more than 64.</exception>
    public static ThreadLimitScope LimitThreads(int threads)
    {
        CheckThreads(threads, nameof(threads));
        var scope = new ThreadLimitScope(t_threadLimit);
        t_threadLimit = t_threadLimit > 0 ? Math.Min(threads, t_threadLimit) : threads;
        return scope;
    }

    /// <summary>Puts back the limit a <see cref="ThreadLimitScope"/> saved.</summary>
    internal static void RestoreThreadLimit(int previous) => t_threadLimit = previous;

    private static void CheckThreads(int threads, string name)
    {
        if (threads is < 1 or > MostThreads)
        {
            throw new ArgumentOutOfRangeException(name, threads, $"The thread count must be between 1 and {MostThreads}.");
        }
    }
}
