namespace Hypernetworks.TorchSharp.Native;

/// <summary>What <see cref="LibTorchRuntime.PrepareNativeLibrary"/> found and did.</summary>
public enum NativePatchOutcome
{
    /// <summary>Not Linux: nothing to do.</summary>
    NotLinux,

    /// <summary>No libLibTorchSharp.so beside the application; the runtime's own search decides.</summary>
    NotFound,

    /// <summary>The library's requirements are met by the system's libstdc++ (or it has none to relax): left as it is.</summary>
    NotNeeded,

    /// <summary>The GLIBCXX_3.4.32 requirement was marked weak in the application's copy.</summary>
    Patched,

    /// <summary>The application's copy was patched before.</summary>
    AlreadyPatched,

    /// <summary>The copy is not the known TorchSharp build (its SHA-256 differs): left as it is.</summary>
    UnknownFile,

    /// <summary>The library is read from the NuGet package cache, which is never changed.</summary>
    InPackageCache,
}
