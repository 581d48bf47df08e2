using System.Reflection;

namespace Hypernetworks.MLNet;

/// <summary>
/// Saves and loads model archives: a zip holding <c>manifest.json</c> (format and library version, the input
/// schema, and the ordered components with their options and entry declarations), <c>manifest.sha256</c>, and
/// one entry per component tensor (<c>components/{index}/{name}.bin</c>, little-endian, stored uncompressed,
/// SHA-256 checked). Loading validates the whole archive before it returns; any problem with the file gives a
/// <see cref="ModelFormatException"/>.
/// </summary>
public static class ModelArchive
{
    /// <summary>The archive format version this library writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The library version recorded in saved archives.</summary>
    public static string LibraryVersion { get; } =
        typeof(ModelArchive).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>
    /// Saves atomically: the archive is written to a temporary file in the same folder and renamed over
    /// <paramref name="path"/> only when complete, so a failing component leaves no file and an existing
    /// file untouched.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="inputSchema">The columns the model reads.</param>
    /// <param name="components">The components in order.</param>
    public static void Save(string path, IReadOnlyList<SavedColumn> inputSchema, IReadOnlyList<ModelComponent> components)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ModelArchiveWriter.Validate(inputSchema, components);
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"Path '{path}' has no folder.", nameof(path));
        string tempPath = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                ModelArchiveWriter.Write(stream, inputSchema, components);
                stream.Flush(flushToDisk: true);
            }

            File.Move(tempPath, fullPath, overwrite: true);
        }
        catch
        {
            if (File.Exists(tempPath))
            {
                File.Delete(tempPath);
            }

            throw;
        }
    }

    /// <summary>
    /// Saves into a stream. Unlike the path overload this cannot be atomic: if a component's save throws,
    /// the stream holds a partial archive.
    /// </summary>
    /// <param name="stream">A writable stream.</param>
    /// <param name="inputSchema">The columns the model reads.</param>
    /// <param name="components">The components in order.</param>
    public static void Save(Stream stream, IReadOnlyList<SavedColumn> inputSchema, IReadOnlyList<ModelComponent> components)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream must be writable.", nameof(stream));
        }

        ModelArchiveWriter.Validate(inputSchema, components);
        ModelArchiveWriter.Write(stream, inputSchema, components);
    }

    /// <summary>Loads and validates an archive from a file.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="knownTypeNames">When given, a component whose type name is not in this set is rejected
    /// before any entry is read (pass <see cref="ModelComponentRegistry{T}.TypeNames"/>).</param>
    /// <param name="limits">Size limits; <see cref="ModelArchiveLimits.Default"/> when null.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ModelFormatException">The file is not a valid model archive.</exception>
    public static LoadedModelArchive Load(string path, IReadOnlyCollection<string>? knownTypeNames = null, ModelArchiveLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Load(stream, knownTypeNames, limits);
    }

    /// <summary>Loads and validates an archive from a readable stream (read to its end; not disposed).</summary>
    /// <param name="stream">The archive bytes.</param>
    /// <param name="knownTypeNames">When given, a component whose type name is not in this set is rejected.</param>
    /// <param name="limits">Size limits; <see cref="ModelArchiveLimits.Default"/> when null.</param>
    /// <exception cref="ModelFormatException">The stream does not hold a valid model archive.</exception>
    public static LoadedModelArchive Load(Stream stream, IReadOnlyCollection<string>? knownTypeNames = null, ModelArchiveLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(stream));
        }

        return ModelArchiveReader.Read(stream, knownTypeNames, limits ?? ModelArchiveLimits.Default);
    }
}
