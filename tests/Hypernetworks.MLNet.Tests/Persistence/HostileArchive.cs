using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Hypernetworks.MLNet.Tests.Persistence;

/// <summary>Builds archives by hand, byte by byte where needed, to attack the model loader.</summary>
internal static class HostileArchive
{
    public static readonly string[] KnownTypes = ["Linear", "KeyMap"];

    private static readonly byte[] ValidBytes = CreateValid();

    /// <summary>A small valid archive: two components, a float tensor, strings, options (a fresh copy).</summary>
    public static byte[] Valid() => (byte[])ValidBytes.Clone();

    private static byte[] CreateValid() => ModelArchiveRoundTripTests.SaveToBytes(
        new ModelComponent("Linear", c =>
        {
            c.SetOptions(new SampleOptions { Width = 3, Name = "w", Sizes = [2, 3] });
            c.AddTensor("weight", ModelArchiveRoundTripTests.RandomFloats(6, seed: 9), 2, 3);
            c.AddTensor("bias", [0.5f, -0.5f], 2);
        }),
        new ModelComponent("KeyMap", c => c.AddStrings("keys", ["red", "green", "blue"])));

    /// <summary>The manifest of <see cref="Valid"/>, as a mutable JSON tree.</summary>
    public static JsonObject ValidManifest() => (JsonObject)JsonNode.Parse(ReadEntry(Valid(), "manifest.json"))!;

    /// <summary>The entries of <see cref="Valid"/> other than the manifest and its checksum.</summary>
    public static List<(string Name, byte[] Data)> ValidDataEntries()
    {
        using var zip = new ZipArchive(new MemoryStream(Valid()), ZipArchiveMode.Read);
        return [.. zip.Entries.Where(e => !e.FullName.StartsWith("manifest", StringComparison.Ordinal)).Select(e => (e.FullName, ReadAll(e)))];
    }

    /// <summary>An archive of the given manifest text (with a matching checksum unless one is given) and entries.</summary>
    public static byte[] Build(string manifest, IEnumerable<(string Name, byte[] Data)> entries, string? checksum = null, CompressionLevel level = CompressionLevel.NoCompression)
    {
        byte[] manifestBytes = Encoding.UTF8.GetBytes(manifest);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "manifest.json", manifestBytes, CompressionLevel.Optimal);
            Write(zip, "manifest.sha256", Encoding.ASCII.GetBytes(checksum ?? Sha256(manifestBytes)), CompressionLevel.NoCompression);
            foreach ((string name, byte[] data) in entries)
            {
                Write(zip, name, data, level);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The valid archive with its manifest changed by <paramref name="mutate"/> (checksum kept matching).</summary>
    public static byte[] WithManifest(Action<JsonObject> mutate)
    {
        JsonObject manifest = ValidManifest();
        mutate(manifest);
        return Build(manifest.ToJsonString(), ValidDataEntries());
    }

    /// <summary>The valid archive with its data entries changed by <paramref name="mutate"/>.</summary>
    public static byte[] WithEntries(Action<List<(string Name, byte[] Data)>> mutate, CompressionLevel level = CompressionLevel.NoCompression)
    {
        List<(string Name, byte[] Data)> entries = ValidDataEntries();
        mutate(entries);
        return Build(ValidManifest().ToJsonString(), entries, level: level);
    }

    public static JsonObject Entry(JsonObject manifest, int component, int entry) =>
        (JsonObject)manifest["components"]![component]!["entries"]![entry]!;

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Overwrites the uncompressed-size field of every zip header (local and central) of an entry.</summary>
    public static byte[] PatchDeclaredLength(byte[] archive, string entryName, uint newLength)
    {
        byte[] result = (byte[])archive.Clone();
        byte[] name = Encoding.UTF8.GetBytes(entryName);
        for (int i = 0; i + 46 <= result.Length; i++)
        {
            uint signature = BitConverter.ToUInt32(result, i);
            if (signature == 0x04034b50 && Matches(result, i + 30, name, BitConverter.ToUInt16(result, i + 26)))
            {
                BitConverter.TryWriteBytes(result.AsSpan(i + 22), newLength);
            }
            else if (signature == 0x02014b50 && Matches(result, i + 46, name, BitConverter.ToUInt16(result, i + 28)))
            {
                BitConverter.TryWriteBytes(result.AsSpan(i + 24), newLength);
            }
        }

        return result;
    }

    public static byte[] ReadEntry(byte[] archive, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        return ReadAll(zip.GetEntry(name)!);
    }

    private static bool Matches(byte[] bytes, int offset, byte[] name, int nameLength) =>
        nameLength == name.Length && offset + nameLength <= bytes.Length && bytes.AsSpan(offset, nameLength).SequenceEqual(name);

    private static void Write(ZipArchive zip, string name, byte[] data, CompressionLevel level)
    {
        using Stream stream = zip.CreateEntry(name, level).Open();
        stream.Write(data);
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using Stream stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
