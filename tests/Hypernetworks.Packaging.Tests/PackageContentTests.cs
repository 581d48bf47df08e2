using System.IO.Compression;

namespace Hypernetworks.Packaging.Tests;

[Collection(PackagingCollection.Name)]
public sealed class PackageContentTests(LocalFeed feed)
{
    [Theory]
    [InlineData("Hypernetworks", "lib/net10.0/Hypernetworks.dll", "lib/net10.0/Hypernetworks.xml")]
    [InlineData("Hypernetworks.MLNet", "lib/net10.0/Hypernetworks.MLNet.dll", "lib/net10.0/Hypernetworks.MLNet.xml")]
    [InlineData("Hypernetworks.TorchSharp", "lib/net10.0/Hypernetworks.TorchSharp.dll", "lib/net10.0/Hypernetworks.TorchSharp.xml")]
    [InlineData("Hypernetworks.Cli", "tools/net10.0/any/hypernet.dll", "tools/net10.0/any/DotnetToolSettings.xml")]
    public void Package_HoldsItsAssemblyDocsReadmeLicenceAndSymbols(string id, string assembly, string docs)
    {
        string package = Path.Combine(feed.FeedPath, $"{id}.{feed.Version}.nupkg");
        using ZipArchive zip = ZipFile.OpenRead(package);
        string[] entries = [.. zip.Entries.Select(e => e.FullName)];

        Assert.Contains(assembly, entries);
        Assert.Contains(docs, entries);
        Assert.Contains("README.md", entries);
        using var nuspec = new StreamReader(zip.GetEntry($"{id}.nuspec")!.Open());
        string metadata = nuspec.ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", metadata, StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", metadata, StringComparison.Ordinal);
        Assert.Contains("<description>", metadata, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.ChangeExtension(package, ".snupkg")), $"{id} has no symbol package");
    }

    [Fact]
    public void ToolPackage_LeavesOutMobileRuntimes()
    {
        using ZipArchive zip = ZipFile.OpenRead(Path.Combine(feed.FeedPath, $"Hypernetworks.Cli.{feed.Version}.nupkg"));

        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("/runtimes/android/", StringComparison.Ordinal) || e.FullName.Contains("/runtimes/ios/", StringComparison.Ordinal));
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("runtimes/linux-x64/native/libonnxruntime.so", StringComparison.Ordinal));
    }
}
