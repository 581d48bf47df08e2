using System.IO.Compression;
using Hypernetworks.MLNet.Onnx;

namespace Hypernetworks.MLNet;

/// <summary>
/// Reads the ONNX graphs of our hypernetworks straight from an ML.NET model archive, before stock loading: each
/// OnnxTransformer's "OnnxModel" entry (a length-prefixed copy of the graph) whose graph carries our mark, rebuilt and
/// validated by <see cref="HypernetworkGraphReader"/>. Entry counts and sizes are bounded and checked before they are
/// read; a corrupt archive or graph gives a <see cref="HypernetworkModelFormatException"/>.
/// </summary>
internal static class HypernetworkArchiveScanner
{
    /// <summary>Most entries an archive may have.</summary>
    public const int MaxEntries = 1 << 14;

    private const string ModelEntry = "OnnxModel";

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

            foreach (ZipArchiveEntry entry in zip.Entries.Where(e => e.Name == ModelEntry))
            {
                byte[] onnx = ReadGraph(entry, archive.CanSeek ? archive.Length : long.MaxValue);
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

    /// <summary>
    /// The graph bytes of one entry. Its declared size must be possible for its compressed size within the archive
    /// (deflate expands at most about 1032 times), and memory grows with the bytes actually inflated, never ahead of them.
    /// </summary>
    private static byte[] ReadGraph(ZipArchiveEntry entry, long archiveLength)
    {
        const long limit = int.MaxValue - 64;
        const long maxExpansion = 1100;
        long declared = entry.Length;
        long compressed = entry.CompressedLength;
        if (declared < sizeof(int) || declared > limit || compressed > archiveLength || declared > (compressed * maxExpansion) + 1024)
        {
            throw new HypernetworkModelFormatException($"Archive entry '{entry.FullName}' declares {declared} bytes from {compressed} compressed in an archive of {archiveLength}; expected a length-prefixed graph of at most {limit} bytes that its compressed size can hold.");
        }

        using var content = new MemoryStream();
        var buffer = new byte[1 << 16];
        using (Stream stream = entry.Open())
        {
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                if (content.Length + read > declared)
                {
                    throw new HypernetworkModelFormatException($"Archive entry '{entry.FullName}' holds more than the {declared} bytes it declares.");
                }

                content.Write(buffer, 0, read);
            }
        }

        byte[] bytes = content.ToArray();
        int length = bytes.Length >= sizeof(int) ? BitConverter.ToInt32(bytes, 0) : -1;
        if (bytes.Length != declared || length != declared - sizeof(int))
        {
            throw new HypernetworkModelFormatException($"Archive entry '{entry.FullName}' holds {bytes.Length} of its {declared} declared bytes, with a graph length of {length}.");
        }

        return bytes[sizeof(int)..];
    }
}
