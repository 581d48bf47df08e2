using System.Security.Cryptography;
using Hypernetworks.TorchSharp.Native;

namespace Hypernetworks.TorchSharp.Tests.Native;

public sealed class LibTorchSharpPatchTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hn-elf-").FullName;

    [SkippableFact]
    public void Apply_MarksOnlyTheMarkerRequirementWeak()
    {
        string path = CopyOfPublishedBuild();
        ElfImage before = ElfImage.TryParse(File.ReadAllBytes(path))!;
        Assert.Equal(NativePatchOutcome.Patched, LibTorchSharpPatch.Apply(path, markerVersionAvailable: false));
        ElfImage after = ElfImage.TryParse(File.ReadAllBytes(path))!;
        var changed = before.Requirements().Zip(after.Requirements()).Where(p => p.First.Flags != p.Second.Flags).ToList();
        Assert.Equal(("libstdc++.so.6", "GLIBCXX_3.4.32", VersionRequirement.Weak), (changed.Single().Second.File, changed.Single().Second.Version, changed.Single().Second.Flags));
        Assert.Equal(LibTorchSharpPatch.PatchedSha256, Sha256(path));
    }

    [SkippableFact]
    public void Apply_LeavesAPatchedCopyAsItIs()
    {
        string path = CopyOfPublishedBuild();
        LibTorchSharpPatch.Apply(path, markerVersionAvailable: false);
        Assert.Equal(NativePatchOutcome.AlreadyPatched, LibTorchSharpPatch.Apply(path, markerVersionAvailable: false));
    }

    [SkippableFact]
    public void Apply_LeavesAnUnknownBuildAsItIs()
    {
        string path = CopyOfPublishedBuild();
        byte[] bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 1;
        File.WriteAllBytes(path, bytes);
        Assert.Equal(NativePatchOutcome.UnknownFile, LibTorchSharpPatch.Apply(path, markerVersionAvailable: false));
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [SkippableFact]
    public void Apply_DoesNothingWhereTheSystemLibStdCxxHasTheVersion()
    {
        string path = CopyOfPublishedBuild();
        byte[] before = File.ReadAllBytes(path);
        Assert.Equal(NativePatchOutcome.NotNeeded, LibTorchSharpPatch.Apply(path, markerVersionAvailable: true));
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [SkippableFact]
    public void SystemHasMarkerVersion_MatchesTheSystemLibStdCxx()
    {
        string? system = LibTorchSharpPatch.FindSystemStdCxx();
        Skip.If(system is null, "no libstdc++ found");
        bool defines = ElfImage.TryParse(File.ReadAllBytes(system!))!.DefinesVersion("GLIBCXX_3.4.32");
        Assert.Equal(defines, LibTorchSharpPatch.SystemHasMarkerVersion());
    }

    [SkippableFact]
    public void DefinesVersion_ReadsTheSystemLibStdCxx()
    {
        string? system = LibTorchSharpPatch.FindSystemStdCxx();
        Skip.If(system is null, "no libstdc++ found");
        ElfImage image = ElfImage.TryParse(File.ReadAllBytes(system!))!;
        Assert.True(image.DefinesVersion("GLIBCXX_3.4.21"));
        Assert.False(image.DefinesVersion("GLIBCXX_9.9.9"));
    }

    [SkippableFact]
    public void TryLoad_LoadsLibtorchOrNamesTheCause()
    {
        bool loaded = LibTorchRuntime.TryLoad(out string failure);
        Assert.True(loaded || failure.Length > 0);
        Skip.IfNot(loaded, failure);
        Assert.Equal(6f, global::TorchSharp.torch.tensor(new[] { 1f, 2f, 3f }).sum().item<float>());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string CopyOfPublishedBuild()
    {
        string source = Path.Combine(AppContext.BaseDirectory, "PublishedLibTorchSharp", LibTorchSharpPatch.LibraryName);
        Skip.IfNot(File.Exists(source), "the published libLibTorchSharp.so was not copied beside the tests");
        string path = Path.Combine(_directory, LibTorchSharpPatch.LibraryName);
        File.Copy(source, path);
        return path;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
