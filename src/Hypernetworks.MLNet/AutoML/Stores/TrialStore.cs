namespace Hypernetworks.MLNet.AutoML;

/// <summary>Creates trial stores.</summary>
public static class TrialStore
{
    /// <summary>The heartbeat timeout when none is given: long enough for a busy machine's pauses.</summary>
    public static readonly TimeSpan DefaultHeartbeatTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A store in this process's memory (the default): lost with the process.</summary>
    public static ITrialStore InMemory() => new InMemoryTrialStore(DefaultHeartbeatTimeout);

    /// <summary>
    /// A store in a SQLite file: a sweep that was killed resumes where it stopped, with every finished
    /// trial kept and the unfinished ones run again.
    /// </summary>
    /// <param name="path">The database file (created when missing).</param>
    /// <param name="heartbeatTimeout">How long a running trial may go without a heartbeat before it is reclaimed; 30 s when null.</param>
    public static ITrialStore Sqlite(string path, TimeSpan? heartbeatTimeout = null) =>
        new SqliteTrialStore(path, CheckTimeout(heartbeatTimeout));

    /// <summary>
    /// A store in a PostgreSQL database that several worker processes (on several machines) share to
    /// run one sweep: each claims trials in a transaction, and a dead worker's trial is reclaimed.
    /// </summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="experimentName">The sweep's name: workers with the same name run the same sweep.</param>
    /// <param name="heartbeatTimeout">How long a running trial may go without a heartbeat before it is reclaimed; 30 s when null.</param>
    public static ITrialStore Postgres(string connectionString, string experimentName, TimeSpan? heartbeatTimeout = null) =>
        new PostgresTrialStore(connectionString, experimentName, CheckTimeout(heartbeatTimeout));

    private static TimeSpan CheckTimeout(TimeSpan? heartbeatTimeout)
    {
        TimeSpan timeout = heartbeatTimeout ?? DefaultHeartbeatTimeout;
        return timeout > TimeSpan.Zero
            ? timeout
            : throw new ArgumentOutOfRangeException(nameof(heartbeatTimeout), timeout, "The heartbeat timeout must be positive.");
    }
}
