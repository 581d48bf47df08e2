using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Hypernetworks.TorchSharp.Native;

/// <summary>
/// Lets TorchSharp 0.107.0's libLibTorchSharp.so load against an older libstdc++ (Debian 12 has GLIBCXX_3.4.30). It
/// asks for GLIBCXX_3.4.32 (GCC 13) only for std::ios_base_library_init(), a marker symbol that GCC 13's
/// &lt;iostream&gt; adds and that no relocation refers to; marking that one requirement weak (VER_FLG_WEAK in its
/// .gnu.version_r entry) lets the loader accept the library. Done only where the system's libstdc++ lacks that
/// version, only on the application's own copy (never the NuGet cache or the system), and only when the copy's
/// SHA-256 is that of the published build.
/// </summary>
internal static class LibTorchSharpPatch
{
    public const string LibraryName = "libLibTorchSharp.so";
    private const string StdCxx = "libstdc++.so.6";
    private const string MarkerVersion = "GLIBCXX_3.4.32";

    /// <summary>SHA-256 of TorchSharp 0.107.0's linux-x64 libLibTorchSharp.so as published.</summary>
    public const string OriginalSha256 = "cf33b1b0bb6bbb9754a768fb5c5d04d9f498603be50e73f55621a0b40ee608b8";

    /// <summary>SHA-256 of the same file with the one requirement marked weak.</summary>
    public const string PatchedSha256 = "5968efac8270eff8a2b5ca7381612ea9cc54d81cf4104a54e0e6106b7b5f11e3";

    /// <summary>
    /// Patches <paramref name="path"/> in place unless <paramref name="markerVersionAvailable"/> (the system's libstdc++
    /// has GLIBCXX_3.4.32, or could not be read) and only if it is the known build; see the type's remarks. A file whose
    /// version sections cannot be read is <see cref="NativePatchOutcome.UnknownFile"/>.
    /// </summary>
    public static NativePatchOutcome Apply(string path, bool markerVersionAvailable)
    {
        try
        {
            return ApplyChecked(path, markerVersionAvailable);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return NativePatchOutcome.UnknownFile;
        }
    }

    private static NativePatchOutcome ApplyChecked(string path, bool markerVersionAvailable)
    {
        byte[] bytes = File.ReadAllBytes(path);
        ElfImage? image = ElfImage.TryParse(bytes);
        VersionRequirement? marker = image?.Requirements().Cast<VersionRequirement?>().FirstOrDefault(r => r!.Value.File == StdCxx && r.Value.Version == MarkerVersion);
        if (marker is null)
        {
            return NativePatchOutcome.NotNeeded;
        }

        string hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if ((marker.Value.Flags & VersionRequirement.Weak) != 0)
        {
            return hash == PatchedSha256 ? NativePatchOutcome.AlreadyPatched : NativePatchOutcome.UnknownFile;
        }

        if (markerVersionAvailable)
        {
            return NativePatchOutcome.NotNeeded;
        }

        if (hash != OriginalSha256)
        {
            return NativePatchOutcome.UnknownFile;
        }

        ushort flags = (ushort)(marker.Value.Flags | VersionRequirement.Weak);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((int)marker.Value.FlagsOffset, 2), flags);
        string temporary = path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        return NativePatchOutcome.Patched;
    }

    /// <summary>
    /// Whether the system's libstdc++ (<see cref="FindSystemStdCxx"/>) defines GLIBCXX_3.4.32; true too when it cannot
    /// be found or read, so that nothing is patched on a guess.
    /// </summary>
    public static bool SystemHasMarkerVersion()
    {
        string? path = FindSystemStdCxx();
        try
        {
            return path is null || ElfImage.TryParse(File.ReadAllBytes(path))?.DefinesVersion(MarkerVersion) != false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException or OverflowException)
        {
            return true;
        }
    }

    /// <summary>The libstdc++ the dynamic loader would pick first, from LD_LIBRARY_PATH and the usual system directories; null if none is found.</summary>
    public static string? FindSystemStdCxx()
    {
        string triplet = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        IEnumerable<string> fromEnvironment = (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries);
        string[] system = [$"/lib/{triplet}", $"/usr/lib/{triplet}", "/lib64", "/usr/lib64", "/lib", "/usr/lib"];
        return fromEnvironment.Concat(system).Select(d => Path.Combine(d, StdCxx)).FirstOrDefault(File.Exists);
    }
}
