using System.Runtime.InteropServices;
using TorchSharp;

namespace Hypernetworks.TorchSharp.Native;

/// <summary>
/// Loads libtorch through TorchSharp once per process. On Linux it first makes the application's copy of
/// libLibTorchSharp.so loadable against an older libstdc++ (Debian 12's) where that is needed: see
/// <see cref="PrepareNativeLibrary"/>.
/// </summary>
public static class LibTorchRuntime
{
    private static readonly Lazy<string?> s_failure = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Where the system's libstdc++ lacks GLIBCXX_3.4.32, marks that one version requirement of
    /// libLibTorchSharp.so weak (it is needed only by a marker symbol that nothing calls). Only the copy in
    /// <paramref name="directory"/> (by default the application's runtimes/linux-*/native folder or its base folder)
    /// is changed, never one in the NuGet package cache, and only when its SHA-256 is that of TorchSharp 0.107.0's
    /// published build. Call it before anything loads TorchSharp's native library; <see cref="TryLoad"/> does.
    /// </summary>
    public static NativePatchOutcome PrepareNativeLibrary(string? directory = null)
    {
        if (!OperatingSystem.IsLinux())
        {
            return NativePatchOutcome.NotLinux;
        }

        string? path = directory is null ? FindApplicationCopy() : Path.Combine(directory, LibTorchSharpPatch.LibraryName);
        if (path is null || !File.Exists(path))
        {
            return NativePatchOutcome.NotFound;
        }

        return IsInPackageCache(path) ? NativePatchOutcome.InPackageCache : LibTorchSharpPatch.Apply(path, LibTorchSharpPatch.SystemHasMarkerVersion());
    }

    /// <summary>Loads libtorch (CPU) once; false with the cause in <paramref name="failure"/> when it cannot be loaded.</summary>
    public static bool TryLoad(out string failure)
    {
        failure = s_failure.Value ?? string.Empty;
        return s_failure.Value is null;
    }

    /// <summary>Loads libtorch once, or throws <see cref="InvalidOperationException"/> naming why it cannot be loaded.</summary>
    public static void EnsureLoaded()
    {
        if (!TryLoad(out string failure))
        {
            throw new InvalidOperationException(failure);
        }
    }

    private static string? Load()
    {
        NativePatchOutcome outcome;
        try
        {
            outcome = PrepareNativeLibrary();
        }
        catch (IOException e)
        {
            return $"libLibTorchSharp.so could not be prepared for this system's libstdc++: {e.Message}";
        }
        catch (UnauthorizedAccessException e)
        {
            return $"libLibTorchSharp.so could not be prepared for this system's libstdc++: {e.Message}";
        }

        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            string hint = outcome switch
            {
                NativePatchOutcome.UnknownFile => " libLibTorchSharp.so is not TorchSharp 0.107.0's published build, so it was not patched for an older libstdc++.",
                NativePatchOutcome.InPackageCache => " libLibTorchSharp.so is read from the NuGet package cache, which is never patched; build an application that copies it.",
                NativePatchOutcome.NotFound => " No libLibTorchSharp.so was found beside the application: reference a libtorch runtime package (libtorch-cpu-linux-x64, or a CUDA one).",
                _ => string.Empty,
            };
            return $"libtorch could not be loaded ({Describe(e)}).{hint}";
        }
    }

    /// <summary>The exception and its inner ones (TorchSharp wraps the loader's message in a type initializer's).</summary>
    private static string Describe(Exception e)
    {
        var parts = new List<string>();
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            parts.Add($"{current.GetType().Name}: {current.Message.Trim()}");
        }

        return string.Join(" <- ", parts);
    }

    private static string? FindApplicationCopy()
    {
        string architecture = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "arm64" : "x64";
        string baseDirectory = AppContext.BaseDirectory;
        string[] candidates =
        [
            Path.Combine(baseDirectory, "runtimes", "linux-" + architecture, "native", LibTorchSharpPatch.LibraryName),
            Path.Combine(baseDirectory, LibTorchSharpPatch.LibraryName),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    private static bool IsInPackageCache(string path)
    {
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string full = Path.GetFullPath(path);
        return full.StartsWith(Path.GetFullPath(cache).TrimEnd('/') + "/", StringComparison.Ordinal);
    }
}
