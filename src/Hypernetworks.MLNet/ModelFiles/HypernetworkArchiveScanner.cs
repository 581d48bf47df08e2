using System.IO.Compression;
using System.IO.Hashing;
using Hypernetworks.MLNet.Onnx;

namespace Hypernetworks.MLNet;

/// <summary>
/// Reads an ML.NET model archive whole before stock loading: every entry to its end, checking its declared size, its
/// compression ratio and its CRC-32 (which .NET's zip reader does not, and stock ML.NET loops without end on some
/// damaged entries, e.g. a TrainSchema), and the ONNX graphs of our hypernetworks: each OnnxTransformer's "OnnxModel"
/// entry (a length-prefixed copy of the graph) whose graph carries our mark, rebuilt and validated by
/// <see cref="HypernetworkGraphReader"/>. Entry counts and sizes are bounded and checked before they are read; a
/// corrupt archive or graph gives a <see cref="HypernetworkModelFormatException"/>.
/// </summary>
internal static class HypernetworkArchiveScanner
{
    /// <summary>Most entries an archive may have.</summary>
    public const int MaxEntries = 1 << 14;

    private const string ModelEntry = "OnnxModel";
    private const long MaxExpansion = 1100;
    private const long MaxTotalBytes = 16L << 30;

    /// <summary>Our graphs in <paramref name="archive"/>, in entry order, each rebuilt (the caller disposes the networks).</summary>
    public static IReadOnlyList<ScannedGraph> Read(Stream archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var found = new List<ScannedGraph>();
        try
        {
            using var zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
            {
                throw new HypernetworkModelFormatException($"The model archive has {zip.Entries.Count} entries; at most {MaxEntries} are read.");
            }

            long archiveLength = archive.CanSeek ? archive.Length : long.MaxValue;
            long total = 0;
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxTotalBytes)
                {
                    throw new HypernetworkModelFormatException($"The model archive's entries declare more than {MaxTotalBytes} bytes in all.");
                }

                if (entry.Name != ModelEntry)
                {
                    ReadChecked(entry, archiveLength, keep: false);
                    continue;
                }

                byte[] onnx = ReadGraph(entry, archiveLength);
                if (HypernetworkGraphReader.IsOurs(onnx))
                {
                    found.Add(new ScannedGraph(entry.FullName, onnx, HypernetworkGraphReader.Read(onnx)));
                }
            }

            return found;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            foreach (ScannedGraph graph in found)
            {
                graph.Graph.Network.Dispose();
            }

            throw new HypernetworkModelFormatException($"The model archive is not a valid zip archive (truncated or corrupt): {e.Message}", e);
        }
        catch
        {
            foreach (ScannedGraph graph in found)
            {
                graph.Graph.Network.Dispose();
            }

            throw;
        }
    }

    /// <summary>The graph bytes of an "OnnxModel" entry: its content after a 4-byte length that must match it.</summary>
    private static byte[] ReadGraph(ZipArchiveEntry entry, long archiveLength)
    {
        if (entry.Length < sizeof(int))
        {
            throw new HypernetworkModelFormatException($"Archive entry '{entry.FullName}' declares {entry.Length} bytes; a graph needs at least its {sizeof(int)}-byte length.");
        }

        byte[] bytes = ReadChecked(entry, archiveLength, keep: true)!;
        int length = BitConverter.ToInt32(bytes, 0);
        if (length != bytes.Length - sizeof(int))
        {
            throw new HypernetworkModelFormatException($"Archive entry '{entry.FullName}' holds {bytes.Length} bytes with a graph length of {length}.");
        }

        return bytes[sizeof(int)..];
    }

    /// <summary>
    /// Reads one entry to its end: its declared size must be possible for its compressed size within the archive
    /// (deflate expands at most about 1032 times), memory grows with the bytes actually inflated, never ahead of them,
    /// and the bytes must give the CRC-32 the archive records. Returns them when <paramref name="keep"/>.
    /// </summary>
    private static byte[]? ReadChecked(ZipArchiveEntry entry, long archiveLength, bool keep)
    {
        const long limit = int.MaxValue - 64;
        long declared = entry.Length;
        long compressed = entry.CompressedLength;
        if (declared > limit || compressed > archiveLength || declared > (compressed * MaxExpansion) + 1024)
        {
            throw new HypernetworkModelFormatException($"Archive entry '{entry.FullName}' declares {declared} bytes from {compressed} compressed in an archive of {archiveLength}; expected at most {limit} bytes that its compressed size can hold.");
        }

        using var content = keep ? new MemoryStream() : null;
        var crc = new Crc32();
        var buffer = new byte[1 << 16];
        long total = 0;
        using (Stream stream = entry.Open())
        {
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                total += read;
                if (total > declared)
                {
                    throw new HypernetworkModelFormatException($"Archive entry '{entry.FullName}' holds more than the {declared} bytes it declares.");
                }

                crc.Append(buffer.AsSpan(0, read));
                content?.Write(buffer, 0, read);
            }
        }

        if (total != declared)
        {
            throw new HypernetworkModelFormatException($"Archive entry '{entry.FullName}' holds {total} of its {declared} declared bytes.");
        }

        if (crc.GetCurrentHashAsUInt32() != entry.Crc32)
        {
            throw new HypernetworkModelFormatException($"Archive entry '{entry.FullName}' is damaged: its CRC-32 is {crc.GetCurrentHashAsUInt32():x8}, the archive records {entry.Crc32:x8}.");
        }

        return content?.ToArray();
    }
}
