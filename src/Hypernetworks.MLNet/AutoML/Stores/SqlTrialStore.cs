using System.Data.Common;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// The trial store over a SQL database, shared by the SQLite and PostgreSQL stores: one table keyed by
/// (experiment, trial id), times as Unix milliseconds of the database's clock, and every claim made in a
/// transaction that first takes the experiment's exclusive lock.
/// </summary>
internal abstract class SqlTrialStore : ITrialStore
{
    private const string Columns =
        "trial_id, status, parameter, metric, loss, curve, duration_ms, error, worker_id, attempts, created_at, heartbeat_at, ended_at";

    private volatile bool schemaReady;

    protected SqlTrialStore(string experimentName, TimeSpan heartbeatTimeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(experimentName);
        ExperimentName = experimentName;
        HeartbeatTimeout = heartbeatTimeout;
    }

    public TimeSpan HeartbeatTimeout { get; }

    protected string ExperimentName { get; }

    /// <summary>Gets the SQL expression for the database clock's current Unix time in milliseconds.</summary>
    protected abstract string NowMillisecondsSql { get; }

    public async Task<TrialClaim> ClaimAsync(string workerId, int maxTrials, TrialProposer proposer, CancellationToken cancellationToken)
    {
        TrialClaimRules.CheckArguments(workerId, maxTrials, proposer);
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using DbTransaction transaction = await BeginExclusiveAsync(connection, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<TrialRecord> trials = await ReadTrialsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        long now = Convert.ToInt64(await ScalarAsync(connection, transaction, $"SELECT {NowMillisecondsSql}", cancellationToken).ConfigureAwait(false));
        ClaimDecision decision = TrialClaimRules.Decide(trials, FromMilliseconds(now), HeartbeatTimeout, workerId, maxTrials, proposer);
        if (decision.Reclaim is { } orphan)
        {
            await ExecuteAsync(connection, transaction,
                "UPDATE hn_automl_trials SET status = @status, worker_id = @worker, attempts = attempts + 1, heartbeat_at = @now, curve = '[]' " +
                "WHERE experiment = @experiment AND trial_id = @id",
                cancellationToken,
                ("@status", nameof(TrialStatus.Running)), ("@worker", workerId), ("@now", now), ("@id", orphan.TrialId)).ConfigureAwait(false);
        }
        else if (decision.NewTrial is { } settings)
        {
            await ExecuteAsync(connection, transaction,
                $"INSERT INTO hn_automl_trials (experiment, {Columns}) " +
                "VALUES (@experiment, @id, @status, @parameter, NULL, NULL, '[]', NULL, NULL, @worker, 1, @now, @now, NULL)",
                cancellationToken,
                ("@id", settings.TrialId), ("@status", nameof(TrialStatus.Running)), ("@parameter", settings.Parameter.ToJson()),
                ("@worker", workerId), ("@now", now)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return decision.ToClaim();
    }

    public async Task<bool> HeartbeatAsync(int trialId, string workerId, IReadOnlyList<IntermediateMetric> curve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(curve);
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        int rows = await ExecuteAsync(connection, null,
            $"UPDATE hn_automl_trials SET heartbeat_at = {NowMillisecondsSql}, curve = @curve " +
            "WHERE experiment = @experiment AND trial_id = @id AND worker_id = @worker AND status = @running",
            cancellationToken,
            ("@curve", CurveJson.Write(curve)), ("@id", trialId), ("@worker", workerId), ("@running", nameof(TrialStatus.Running))).ConfigureAwait(false);
        return rows == 1;
    }

    public async Task<bool> CompleteAsync(TrialRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        int rows = await ExecuteAsync(connection, null,
            "UPDATE hn_automl_trials SET status = @status, metric = @metric, loss = @loss, curve = @curve, duration_ms = @duration, " +
            $"error = @error, ended_at = {NowMillisecondsSql}, heartbeat_at = {NowMillisecondsSql} " +
            "WHERE experiment = @experiment AND trial_id = @id AND worker_id = @worker AND status = @running",
            cancellationToken,
            ("@status", record.Status.ToString()), ("@metric", record.Metric), ("@loss", record.Loss), ("@curve", CurveJson.Write(record.Curve)),
            ("@duration", record.DurationInMilliseconds), ("@error", record.Error), ("@id", record.TrialId), ("@worker", record.WorkerId),
            ("@running", nameof(TrialStatus.Running))).ConfigureAwait(false);
        return rows == 1;
    }

    public async Task ReleaseAsync(int trialId, string workerId, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null,
            "UPDATE hn_automl_trials SET status = @pending WHERE experiment = @experiment AND trial_id = @id AND worker_id = @worker AND status = @running",
            cancellationToken,
            ("@pending", nameof(TrialStatus.Pending)), ("@id", trialId), ("@worker", workerId), ("@running", nameof(TrialStatus.Running))).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TrialRecord>> LoadTrialsAsync(CancellationToken cancellationToken)
    {
        await using DbConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadTrialsAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    public abstract ValueTask DisposeAsync();

    /// <summary>Opens a new connection to the database.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that holds the experiment's exclusive lock until it ends.</summary>
    protected abstract Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Creates the table when missing, serialised against other processes doing the same.</summary>
    protected abstract Task EnsureSchemaAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Creates the table (if missing) inside the caller's transaction.</summary>
    protected async Task CreateSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, transaction,
            "CREATE TABLE IF NOT EXISTS hn_automl_trials (" +
            "experiment TEXT NOT NULL, trial_id INTEGER NOT NULL, status TEXT NOT NULL, parameter TEXT NOT NULL, " +
            "metric DOUBLE PRECISION, loss DOUBLE PRECISION, curve TEXT NOT NULL, duration_ms DOUBLE PRECISION, error TEXT, " +
            "worker_id TEXT, attempts INTEGER NOT NULL, created_at BIGINT NOT NULL, heartbeat_at BIGINT NOT NULL, ended_at BIGINT, " +
            "PRIMARY KEY (experiment, trial_id))",
            cancellationToken).ConfigureAwait(false);

    /// <summary>Runs a command with the experiment name bound to @experiment; returns the rows affected.</summary>
    protected async Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using DbCommand command = CreateCommand(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DateTime FromMilliseconds(long milliseconds) => DateTime.UnixEpoch.AddMilliseconds(milliseconds);

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (!schemaReady)
        {
            try
            {
                await EnsureSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
                schemaReady = true;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return connection;
    }

    private async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using DbCommand command = CreateCommand(connection, transaction, sql, []);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<TrialRecord>> ReadTrialsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using DbCommand command = CreateCommand(connection, transaction,
            $"SELECT {Columns} FROM hn_automl_trials WHERE experiment = @experiment ORDER BY trial_id", []);
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var trials = new List<TrialRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            trials.Add(new TrialRecord
            {
                TrialId = Convert.ToInt32(reader.GetValue(0)),
                Status = Enum.Parse<TrialStatus>(reader.GetString(1)),
                ParameterJson = reader.GetString(2),
                Metric = reader.IsDBNull(3) ? null : reader.GetDouble(3),
                Loss = reader.IsDBNull(4) ? null : reader.GetDouble(4),
                Curve = CurveJson.Read(reader.GetString(5)),
                DurationInMilliseconds = reader.IsDBNull(6) ? null : reader.GetDouble(6),
                Error = reader.IsDBNull(7) ? null : reader.GetString(7),
                WorkerId = reader.IsDBNull(8) ? null : reader.GetString(8),
                Attempts = Convert.ToInt32(reader.GetValue(9)),
                CreatedAtUtc = FromMilliseconds(Convert.ToInt64(reader.GetValue(10))),
                HeartbeatAtUtc = FromMilliseconds(Convert.ToInt64(reader.GetValue(11))),
                EndedAtUtc = reader.IsDBNull(12) ? null : FromMilliseconds(Convert.ToInt64(reader.GetValue(12))),
            });
        }

        return trials;
    }

    private DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL text is built from constants; every value is a bound parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        Bind(command, "@experiment", ExperimentName);
        foreach ((string name, object? value) in parameters)
        {
            Bind(command, name, value);
        }

        return command;
    }

    private static void Bind(DbCommand command, string name, object? value)
    {
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
