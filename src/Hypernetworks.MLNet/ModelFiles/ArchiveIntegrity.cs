using System.IO.Compression;
using System.IO.Hashing;

namespace Hypernetworks.MLNet;

/// <summary>
/// Reads every entry of a model archive to its end before stock ML.NET sees it and checks its CRC-32 (which .NET's
/// zip reader does not), its declared size and its compression ratio, so that a damaged entry is caught here instead
/// of reaching ML.NET's own readers, some of which loop without end on corrupt input (seen: a damaged TrainSchema).
/// </summary>
internal static class ArchiveIntegrity
{
    private const long MaxExpansion = 1100;
    private const long MaxTotalBytes = 16L << 30;

    /// <summary>Throws <see cref="HypernetworkModelFormatException"/> naming the first entry that does not read back whole.</summary>
    public static void Check(Stream archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        long total = 0;
        var buffer = new byte[1 << 16];
        try
        {
            using var zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > HypernetworkArchiveScanner.MaxEntries)
            {
                throw new HypernetworkModelFormatException($"The model archive has {zip.Entries.Count} entries; at most {HypernetworkArchiveScanner.MaxEntries} are read.");
            }

            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                if (entry.Length > (entry.CompressedLength * MaxExpansion) + 1024 || (total += entry.Length) > MaxTotalBytes)
                {
                    throw new HypernetworkModelFormatException($"Archive entry '{entry.FullName}' declares {entry.Length} bytes from {entry.CompressedLength} compressed; that is more than a model file holds.");
                }

                long read = 0;
                var crc = new Crc32();
                using Stream stream = entry.Open();
                int count;
                while ((count = stream.Read(buffer)) > 0)
                {
                    read += count;
                    crc.Append(buffer.AsSpan(0, count));
                    if (read > entry.Length)
                    {
                        throw new HypernetworkModelFormatException($"Archive entry '{entry.FullName}' holds more than the {entry.Length} bytes it declares.");
                    }
                }

                if (read != entry.Length)
                {
                    throw new HypernetworkModelFormatException($"Archive entry '{entry.FullName}' holds {read} bytes but declares {entry.Length}.");
                }

                if (crc.GetCurrentHashAsUInt32() != entry.Crc32)
                {
                    throw new HypernetworkModelFormatException($"Archive entry '{entry.FullName}' is damaged: its CRC-32 is {crc.GetCurrentHashAsUInt32():x8}, the archive records {entry.Crc32:x8}.");
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            throw new HypernetworkModelFormatException($"The model archive is not a valid zip archive (truncated or corrupt): {e.Message}", e);
        }
    }
}
