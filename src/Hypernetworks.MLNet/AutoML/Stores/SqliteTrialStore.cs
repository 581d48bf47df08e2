using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// A trial store in a SQLite file. Every finished trial is committed at once (write-ahead log), so a
/// killed sweep loses nothing it finished; claims take SQLite's write lock (BEGIN IMMEDIATE), so even
/// several processes on one machine can share the file.
/// </summary>
internal sealed class SqliteTrialStore : SqlTrialStore
{
    private readonly string connectionString;

    public SqliteTrialStore(string path, TimeSpan heartbeatTimeout)
        : base("default", heartbeatTimeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 60,
        }.ToString();
    }

    protected override string NowMillisecondsSql => "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)";

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // In WAL mode, synchronous NORMAL keeps every commit through a process kill (not a power cut)
            // without an fsync per trial.
            await ExecuteAsync(connection, null, "PRAGMA busy_timeout = 60000; PRAGMA synchronous = NORMAL", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // A non-deferred transaction is BEGIN IMMEDIATE: it takes the write lock before reading the trials.
        DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
        return Task.FromResult(transaction);
    }

    protected override async Task EnsureSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // The write-ahead log keeps every committed trial through a kill and lets readers run beside a writer.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken).ConfigureAwait(false);
        await using DbTransaction transaction = await BeginExclusiveAsync(connection, cancellationToken).ConfigureAwait(false);
        await CreateSchemaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
