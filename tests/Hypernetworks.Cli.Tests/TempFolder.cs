namespace Hypernetworks.Cli.Tests;

/// <summary>A new temporary folder, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("hypernet-cli-tests-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The files left under a temporary name (an interrupted write).</summary>
    public string[] TemporaryFiles() => Directory.GetFiles(Path, "*.tmp");

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
