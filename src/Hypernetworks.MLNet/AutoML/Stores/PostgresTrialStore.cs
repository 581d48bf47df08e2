using System.Data.Common;
using Npgsql;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// A trial store in PostgreSQL, shared by workers in several processes or machines. Claims run in a
/// transaction holding a transaction-scoped advisory lock on the experiment's name, and times come
/// from the server's clock, so the workers' clocks need not agree.
/// </summary>
internal sealed class PostgresTrialStore : SqlTrialStore
{
    // An arbitrary fixed key that serialises table creation across processes.
    private const long SchemaLockKey = 0x484E_4155_544F_4D4C;

    private readonly NpgsqlDataSource dataSource;

    public PostgresTrialStore(string connectionString, string experimentName, TimeSpan heartbeatTimeout)
        : base(experimentName, heartbeatTimeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

    protected override string NowMillisecondsSql => "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext(@experiment))", cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override async Task EnsureSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("@key", SchemaLockKey)).ConfigureAwait(false);
        await CreateSchemaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
