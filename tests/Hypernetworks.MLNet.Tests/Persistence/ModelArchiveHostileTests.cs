using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Hypernetworks.MLNet.Tests.Persistence;

public sealed class ModelArchiveHostileTests
{
    private static ModelFormatException Reject(byte[] archive, IReadOnlyCollection<string>? knownTypes = null)
    {
        using var stream = new MemoryStream(archive);
        return Assert.Throws<ModelFormatException>(() => ModelArchive.Load(stream, knownTypes ?? HostileArchive.KnownTypes));
    }

    [Fact]
    public void ValidArchive_Loads()
    {
        using var stream = new MemoryStream(HostileArchive.Valid());

        LoadedModelArchive loaded = ModelArchive.Load(stream, HostileArchive.KnownTypes);

        Assert.Equal(["red", "green", "blue"], loaded.Components[1].GetStrings("keys"));
    }

    [Theory]
    [InlineData("../evil.bin", "outside the archive")]
    [InlineData("components/0/../../evil.bin", "outside the archive")]
    [InlineData("/etc/passwd", "absolute path")]
    [InlineData("C:/Windows/evil.bin", "absolute path")]
    [InlineData("components\\0\\weight.bin", "backslash")]
    [InlineData("components/", "directory")]
    public void Load_RejectsUnsafeEntryName(string name, string expected)
    {
        ModelFormatException ex = Reject(HostileArchive.WithEntries(e => e.Add((name, [1, 2, 3, 4]))));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsDuplicateEntries()
    {
        ModelFormatException ex = Reject(HostileArchive.WithEntries(e => e.Add(e[0])));

        Assert.Contains("more than once", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsUndeclaredNestedZip()
    {
        ModelFormatException ex = Reject(HostileArchive.WithEntries(e => e.Add(("inner.zip", HostileArchive.Valid()))));

        Assert.Contains("'inner.zip' is not declared", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsNestedZipInPlaceOfTensor()
    {
        byte[] nested = HostileArchive.Valid();
        ModelFormatException ex = Reject(HostileArchive.WithEntries(e => e[0] = (e[0].Name, nested)));

        Assert.Contains("bytes in the zip directory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsMissingEntry()
    {
        ModelFormatException ex = Reject(HostileArchive.WithEntries(e => e.RemoveAll(x => x.Name.EndsWith("bias.bin", StringComparison.Ordinal))));

        Assert.Contains("Entry 'bias' of component 0 ('Linear') is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsTooManyEntries()
    {
        ModelFormatException ex = Reject(HostileArchive.WithEntries(e =>
        {
            for (int i = 0; i < 5000; i++)
            {
                e.Add(($"extra/{i}", []));
            }
        }));

        Assert.Contains("at most 4096", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsDeclaredSizeBeyondLimit()
    {
        ModelFormatException ex = Reject(HostileArchive.WithManifest(m =>
        {
            JsonObject entry = HostileArchive.Entry(m, 0, 0);
            entry["shape"] = new JsonArray(1 << 20, 1 << 20);
            entry["byteLength"] = 4L << 40;
        }));

        Assert.Contains("entries hold 0 to", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsZipDirectoryLengthThatDiffersFromManifest()
    {
        byte[] archive = HostileArchive.PatchDeclaredLength(HostileArchive.Valid(), "components/0/bias.bin", 4096);

        ModelFormatException ex = Reject(archive);

        Assert.Contains("4096 bytes in the zip directory but 8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsZipBombEntry()
    {
        byte[] bomb = HostileArchive.WithEntries(
            e => e[e.FindIndex(x => x.Name == "components/0/bias.bin")] = ("components/0/bias.bin", new byte[10 << 20]),
            CompressionLevel.Optimal);
        bomb = HostileArchive.PatchDeclaredLength(bomb, "components/0/bias.bin", 8);

        ModelFormatException ex = Reject(bomb);

        Assert.Contains("is compressed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsCompressedComponentEntryBeforeAllocating()
    {
        const int claimed = 256 << 20;
        byte[] archive = HostileArchive.WithManifest(m =>
        {
            JsonObject entry = HostileArchive.Entry(m, 0, 1);
            entry["shape"] = new JsonArray(claimed / 4);
            entry["byteLength"] = claimed;
        });
        archive = HostileArchive.PatchDeclaredLength(archive, "components/0/bias.bin", claimed);

        ModelFormatException ex = Reject(archive);

        Assert.Contains($"is compressed (8 bytes for {claimed})", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 3, 3 }, "does not fit its 24 bytes")]
    [InlineData(new[] { 2, -3 }, "negative dimension")]
    [InlineData(new[] { 1, 1, 1, 1, 1, 1, 1, 1, 6 }, "9 dimensions")]
    [InlineData(new[] { 65536, 65536, 65536, 65536, 65536 }, "does not fit its 24 bytes")]
    public void Load_RejectsShapeThatDoesNotFitTheBytes(int[] shape, string expected)
    {
        ModelFormatException ex = Reject(HostileArchive.WithManifest(m => HostileArchive.Entry(m, 0, 0)["shape"] = new JsonArray([.. shape.Select(d => JsonValue.Create(d))])));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsTensorWhoseBytesDoNotMatchTheChecksum()
    {
        ModelFormatException ex = Reject(HostileArchive.WithEntries(e => e[0].Data[3] ^= 0x40));

        Assert.Contains("does not match its SHA-256", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsManifestThatDoesNotMatchItsChecksum()
    {
        byte[] archive = HostileArchive.Build(HostileArchive.ValidManifest().ToJsonString(), HostileArchive.ValidDataEntries(), checksum: new string('0', 64));

        ModelFormatException ex = Reject(archive);

        Assert.Contains("manifest.json does not match", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"formatVersion\":1,")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"formatVersion\":\"1\"}")]
    [InlineData("{\"formatVersion\":1,\"formatVersion\":1,\"libraryVersion\":\"0\",\"inputSchema\":[],\"components\":[]}")]
    [InlineData("{\"formatVersion\":1,\"libraryVersion\":\"0\",\"inputSchema\":[]}")]
    [InlineData("{\"formatVersion\":1,\"libraryVersion\":\"0\",\"inputSchema\":[],\"components\":\"x\"}")]
    [InlineData("{\"formatVersion\":1,\"libraryVersion\":\"0\",\"inputSchema\":[],\"components\":[],\"extra\":1}")]
    [InlineData("{\"formatVersion\":1,\"libraryVersion\":null,\"inputSchema\":[],\"components\":[]}")]
    [InlineData("{\"formatVersion\":1,\"libraryVersion\":\"0\",\"inputSchema\":[null],\"components\":[]}")]
    [InlineData("{\"formatVersion\":1,\"libraryVersion\":\"0\",\"inputSchema\":[],\"components\":[null]}")]
    [InlineData("\u00ff\u00fe")]
    public void Load_RejectsMalformedManifest(string manifest)
    {
        Reject(HostileArchive.Build(manifest, []));
    }

    [Fact]
    public void Load_RejectsDeeplyNestedOptions()
    {
        string nested = string.Concat(Enumerable.Repeat("[", 2000)) + string.Concat(Enumerable.Repeat("]", 2000));
        string manifest = HostileArchive.ValidManifest().ToJsonString().Replace("\"width\":3", "\"width\":" + nested, StringComparison.Ordinal);

        Reject(HostileArchive.Build(manifest, HostileArchive.ValidDataEntries()));
    }

    [Fact]
    public void Load_RejectsUnsupportedFormatVersion()
    {
        ModelFormatException ex = Reject(HostileArchive.WithManifest(m => m["formatVersion"] = 2));

        Assert.Contains("format version 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsUnknownComponentType()
    {
        ModelFormatException ex = Reject(HostileArchive.Valid(), knownTypes: ["Linear"]);

        Assert.Contains("'KeyMap', which is not a known component type", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsUnknownEntryKind()
    {
        Reject(HostileArchive.WithManifest(m => HostileArchive.Entry(m, 0, 0)["kind"] = "Float16"));
    }

    [Fact]
    public void Load_RejectsStringsThatAreNotUtf8()
    {
        byte[] keys = [1, 0, 0, 0, 0xFF];
        JsonObject manifest = HostileArchive.ValidManifest();
        JsonObject entry = HostileArchive.Entry(manifest, 1, 0);
        entry["shape"] = new JsonArray(1);
        entry["byteLength"] = keys.Length;
        entry["sha256"] = HostileArchive.Sha256(keys);
        List<(string Name, byte[] Data)> entries = HostileArchive.ValidDataEntries();
        entries[entries.FindIndex(x => x.Name.EndsWith("keys.bin", StringComparison.Ordinal))] = ("components/1/keys.bin", keys);

        ModelFormatException ex = Reject(HostileArchive.Build(manifest.ToJsonString(), entries));

        Assert.Contains("not valid UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x50, 0x4b, 0x05, 0x06 })]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24 })]
    public void Load_RejectsBytesThatAreNotAZip(byte[] bytes)
    {
        Reject(bytes);
    }

    [Fact]
    public void Load_RejectsZipWithoutManifest()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using Stream entry = zip.CreateEntry("readme.txt").Open();
            entry.Write(Encoding.ASCII.GetBytes("hello"));
        }

        ModelFormatException ex = Reject(stream.ToArray());

        Assert.Contains("no 'manifest.json'", ex.Message, StringComparison.Ordinal);
    }
}
