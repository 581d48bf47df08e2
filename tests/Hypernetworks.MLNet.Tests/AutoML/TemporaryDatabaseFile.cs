namespace Hypernetworks.MLNet.Tests.AutoML;

/// <summary>A SQLite file path in a fresh temporary folder, removed afterwards.</summary>
internal sealed class TemporaryDatabaseFile : IDisposable
{
    private readonly string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hn-automl-" + Guid.NewGuid().ToString("N"));

    public TemporaryDatabaseFile()
    {
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, "sweep.db");
    }

    public string Path { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
