using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.Cli.Sweeps;

/// <summary>Parses <c>--store sqlite:PATH|postgres:CONNSTR</c> into a trial store.</summary>
internal static class StoreSpec
{
    /// <summary>Opens the store <paramref name="spec"/> names.</summary>
    /// <param name="spec">The --store value.</param>
    /// <param name="experimentName">The sweep's name in a PostgreSQL store (workers with the same name share one sweep).</param>
    public static ITrialStore Open(string spec, string experimentName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        string kind = colon < 0 ? spec : spec[..colon];
        string target = colon < 0 ? string.Empty : spec[(colon + 1)..];
        try
        {
            return kind.ToUpperInvariant() switch
            {
                "SQLITE" when target.Length > 0 => TrialStore.Sqlite(Path.GetFullPath(target)),
                "POSTGRES" when target.Length > 0 => TrialStore.Postgres(target, experimentName),
                _ => throw CliException.InvalidInput($"--store '{spec}' is not sqlite:PATH or postgres:CONNECTION-STRING."),
            };
        }
        catch (Exception e) when (e is not CliException and (ArgumentException or InvalidOperationException or IOException or System.Data.Common.DbException))
        {
            throw CliException.InvalidInput($"--store '{Describe(spec)}' could not be opened: {e.Message}");
        }
    }

    /// <summary>The store for reports: the kind and, for SQLite, the file (a PostgreSQL connection string is not shown: it may hold a password).</summary>
    /// <param name="spec">The --store value.</param>
    public static string Describe(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.StartsWith("postgres:", StringComparison.OrdinalIgnoreCase) ? "postgres" : spec;
    }
}
