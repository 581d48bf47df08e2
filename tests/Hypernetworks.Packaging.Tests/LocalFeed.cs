using System.Globalization;
using System.Reflection;

namespace Hypernetworks.Packaging.Tests;

/// <summary>
/// Packs Hypernetworks, Hypernetworks.MLNet and the hypernet tool once per test run, from the build the test run
/// already made (no rebuild, so the other test projects' binaries are left alone), under a version of this run's own
/// so no package cache can serve an older build. The folder holds the feed and a NuGet.config that adds it to the
/// configured sources and keeps restored packages in the folder (reading the machine's package cache as a fallback).
/// </summary>
public sealed class LocalFeed : IDisposable
{
    private static readonly string[] Projects = ["src/Hypernetworks/Hypernetworks.csproj", "src/Hypernetworks.MLNet/Hypernetworks.MLNet.csproj", "src/Hypernetworks.TorchSharp/Hypernetworks.TorchSharp.csproj", "src/Hypernetworks.Cli/Hypernetworks.Cli.csproj"];

    public LocalFeed()
    {
        Folder = Directory.CreateTempSubdirectory("hypernetworks-packaging-").FullName;
        FeedPath = Path.Combine(Folder, "feed");
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        string root = Path.GetFullPath(Metadata("RepositoryRoot"));
        foreach (string project in Projects)
        {
            // The tool's publish step (which pack runs) goes to this folder too, not into the project's bin folder.
            Command.Run(root, "dotnet", "pack", project, "-c", Metadata("Configuration"), "--no-build", "-o", FeedPath, $"-p:PackageVersion={Version}", $"-p:PublishDir={Path.Combine(Folder, "publish")}/");
        }

        ConfigPath = Path.Combine(Folder, "NuGet.config");
        string machineCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(ConfigPath, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(Folder, "packages")}" />
              </config>
              <packageSources>
                <add key="hypernetworks-local" value="{FeedPath}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{machineCache}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    /// <summary>Gets the temporary folder: the feed, the NuGet.config, and room for the test projects.</summary>
    public string Folder { get; }

    public string FeedPath { get; }

    public string ConfigPath { get; }

    /// <summary>Gets this run's package version.</summary>
    public string Version { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static string Metadata(string key) =>
        typeof(LocalFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
