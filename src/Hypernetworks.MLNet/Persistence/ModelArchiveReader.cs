using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hypernetworks.MLNet;

/// <summary>
/// Reads a model archive and validates all of it before it returns anything: zip entry names, entry count,
/// the manifest checksum and structure, declared sizes against the limits, the zip directory and the real
/// bytes, tensor shapes against byte lengths, and every entry's SHA-256. Component entries must be stored
/// uncompressed and may not overlap, so the bytes the loader allocates are bytes really in the file (a zip
/// bomb has nothing to inflate); entries are still read through a bounded reader that refuses any byte past
/// the declared length.
/// </summary>
internal static class ModelArchiveReader
{
    private const int ChecksumLength = 64;

    /// <summary>Archive bytes allowed beyond the entry data (zip headers and the manifest).</summary>
    private const long ArchiveOverheadBytes = 64L << 20;

    public static LoadedModelArchive Read(Stream stream, IReadOnlyCollection<string>? knownTypeNames, ModelArchiveLimits limits)
    {
        try
        {
            return ReadCore(stream, knownTypeNames, limits);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or JsonException or NotSupportedException
            or ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            throw new ModelFormatException($"The model archive could not be read: {ex.Message}", ex);
        }
    }

    private static LoadedModelArchive ReadCore(Stream stream, IReadOnlyCollection<string>? knownTypeNames, ModelArchiveLimits limits)
    {
        using MemoryStream? copy = stream.CanSeek ? null : CopyBounded(stream, Math.Min(limits.MaxTotalBytes, long.MaxValue - ArchiveOverheadBytes) + ArchiveOverheadBytes);
        Stream seekable = copy ?? stream;
        long archiveLength = seekable.Length;
        using var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
        Dictionary<string, ZipArchiveEntry> byName = IndexEntries(zip, archiveLength, limits);

        byte[] manifestBytes = ReadBounded(Require(byName, ArchivePaths.Manifest), limits.MaxManifestBytes, ArchivePaths.Manifest);
        byte[] checksum = ReadBounded(Require(byName, ArchivePaths.ManifestChecksum), ChecksumLength, ArchivePaths.ManifestChecksum);
        if (!Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(manifestBytes))).AsSpan().SequenceEqual(checksum))
        {
            throw new ModelFormatException($"{ArchivePaths.Manifest} does not match the SHA-256 in {ArchivePaths.ManifestChecksum}: the file is corrupt.");
        }

        ModelManifest manifest = ParseManifest(manifestBytes);
        ManifestValidator.Validate(manifest, knownTypeNames, limits);
        CheckEntrySet(byName, manifest);

        var components = new ModelLoadContext[manifest.Components.Count];
        for (int i = 0; i < components.Length; i++)
        {
            ManifestComponent component = manifest.Components[i];
            var entries = new Dictionary<string, LoadedEntry>(StringComparer.Ordinal);
            foreach (ManifestEntry declared in component.Entries)
            {
                ZipArchiveEntry zipEntry = byName[ArchivePaths.ForEntry(i, declared.Name)];
                entries.Add(declared.Name, ReadComponentEntry(zipEntry, declared, i, component.TypeName));
            }

            components[i] = new ModelLoadContext(i, component.TypeName, component.Options, entries);
        }

        return new LoadedModelArchive(manifest.FormatVersion, manifest.LibraryVersion, manifest.InputSchema, components);
    }

    private static Dictionary<string, ZipArchiveEntry> IndexEntries(ZipArchive zip, long archiveLength, ModelArchiveLimits limits)
    {
        if (zip.Entries.Count > limits.MaxEntries)
        {
            throw new ModelFormatException($"The archive holds {zip.Entries.Count} entries; at most {limits.MaxEntries} are allowed.");
        }

        var byName = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        long compressedTotal = 0;
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            string name = ArchivePaths.Printable(entry.FullName);
            if (ArchivePaths.DescribeUnsafeZipName(entry.FullName) is string problem)
            {
                throw new ModelFormatException($"Archive entry '{name}' {problem}.");
            }

            if (!byName.TryAdd(entry.FullName, entry))
            {
                throw new ModelFormatException($"Archive entry '{name}' appears more than once (names are compared ignoring case).");
            }

            if (entry.CompressedLength < 0 || entry.CompressedLength > archiveLength || entry.Length < 0)
            {
                throw new ModelFormatException($"Archive entry '{name}' declares {entry.CompressedLength} compressed bytes, but the whole archive is {archiveLength} bytes.");
            }

            compressedTotal += entry.CompressedLength;
            if (compressedTotal > archiveLength)
            {
                throw new ModelFormatException($"The entries declare more compressed bytes than the archive's {archiveLength} bytes hold (at entry '{name}'): entries overlap.");
            }
        }

        return byName;
    }

    private static ZipArchiveEntry Require(Dictionary<string, ZipArchiveEntry> byName, string name)
    {
        if (!byName.TryGetValue(name, out ZipArchiveEntry? entry) || entry.FullName != name)
        {
            throw new ModelFormatException($"The archive has no '{name}' entry; it is not a Hypernetworks.MLNet model.");
        }

        return entry;
    }

    private static ModelManifest ParseManifest(byte[] bytes)
    {
        using JsonDocument document = JsonDocument.Parse(bytes, ModelJson.DocumentOptions);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("formatVersion", out JsonElement version)
            || version.ValueKind != JsonValueKind.Number
            || !version.TryGetInt32(out int formatVersion))
        {
            throw new ModelFormatException($"{ArchivePaths.Manifest} is not an object with an integer 'formatVersion'.");
        }

        if (formatVersion != ModelArchive.CurrentFormatVersion)
        {
            throw new ModelFormatException($"{ArchivePaths.Manifest} has format version {formatVersion}; this library reads version {ModelArchive.CurrentFormatVersion}.");
        }

        try
        {
            return root.Deserialize<ModelManifest>(ModelJson.Options)
                ?? throw new ModelFormatException($"{ArchivePaths.Manifest} is null.");
        }
        catch (JsonException ex)
        {
            throw new ModelFormatException($"{ArchivePaths.Manifest} is not valid: {ex.Message}", ex);
        }
    }

    private static void CheckEntrySet(Dictionary<string, ZipArchiveEntry> byName, ModelManifest manifest)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal) { ArchivePaths.Manifest, ArchivePaths.ManifestChecksum };
        for (int i = 0; i < manifest.Components.Count; i++)
        {
            foreach (ManifestEntry declared in manifest.Components[i].Entries)
            {
                string path = ArchivePaths.ForEntry(i, declared.Name);
                expected.Add(path);
                if (!byName.TryGetValue(path, out ZipArchiveEntry? entry) || entry.FullName != path)
                {
                    throw new ModelFormatException($"Entry '{declared.Name}' of component {i} ('{manifest.Components[i].TypeName}') is missing from the archive (expected '{path}').");
                }
            }
        }

        foreach (string name in byName.Keys)
        {
            if (!expected.Contains(name))
            {
                throw new ModelFormatException($"Archive entry '{ArchivePaths.Printable(name)}' is not declared in {ArchivePaths.Manifest}.");
            }
        }
    }

    private static LoadedEntry ReadComponentEntry(ZipArchiveEntry zipEntry, ManifestEntry declared, int componentIndex, string typeName)
    {
        string what = $"Entry '{declared.Name}' of component {componentIndex} ('{typeName}')";
        if (zipEntry.Length != declared.ByteLength)
        {
            throw new ModelFormatException($"{what} is {zipEntry.Length} bytes in the zip directory but {declared.ByteLength} in {ArchivePaths.Manifest}.");
        }

        if (zipEntry.CompressedLength != zipEntry.Length)
        {
            throw new ModelFormatException($"{what} is compressed ({zipEntry.CompressedLength} bytes for {zipEntry.Length}); component entries must be stored uncompressed.");
        }

        byte[] bytes = new byte[declared.ByteLength];
        using (Stream source = zipEntry.Open())
        {
            int read = source.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (read < bytes.Length)
            {
                throw new ModelFormatException($"{what} is truncated: {read} of {declared.ByteLength} bytes.");
            }

            if (source.ReadByte() >= 0)
            {
                throw new ModelFormatException($"{what} holds more than the {declared.ByteLength} bytes declared.");
            }
        }

        if (!Convert.ToHexStringLower(SHA256.HashData(bytes)).Equals(declared.Sha256, StringComparison.Ordinal))
        {
            throw new ModelFormatException($"{what} does not match its SHA-256 in {ArchivePaths.Manifest}: the file is corrupt.");
        }

        int[] shape = [.. declared.Shape];
        string[]? strings = null;
        if (declared.Kind == ModelEntryKind.Strings)
        {
            strings = LittleEndianCodec.TryDecodeStrings(bytes, shape[0], out string? problem)
                ?? throw new ModelFormatException($"{what} {problem}.");
        }

        return new LoadedEntry(declared.Kind, shape, bytes, strings);
    }

    /// <summary>Reads a whole entry of unknown size, refusing more than <paramref name="maxBytes"/>.</summary>
    private static byte[] ReadBounded(ZipArchiveEntry entry, int maxBytes, string name)
    {
        using Stream source = entry.Open();
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new ModelFormatException($"Archive entry '{name}' is larger than the {maxBytes} bytes allowed.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Copies a non-seekable stream into memory (the zip reader needs to seek), refusing more than the limit.</summary>
    private static MemoryStream CopyBounded(Stream stream, long maxBytes)
    {
        var copy = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                throw new ModelFormatException($"The archive stream is longer than the {maxBytes} bytes a model may take.");
            }

            copy.Write(chunk, 0, read);
        }

        copy.Position = 0;
        return copy;
    }
}
