using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Hypernetworks.Initialization;

namespace Hypernetworks.MLNet.Tests.Persistence;

/// <summary>
/// Feeds the loader (archive validation, then strict component loaders as the ML.NET face registers them)
/// thousands of damaged archives. Each must end in <see cref="ModelFormatException"/> within a second; the
/// only other allowed outcome is a load that gives exactly the original model (a flipped byte in a zip field
/// that carries no model content, such as a timestamp).
/// </summary>
public sealed class ModelArchiveFuzzTests
{
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(1);

    private static readonly string[] HostileNames =
    [
        "../evil", "..", "/abs", "/", "C:/x", "c:evil", "a\\b", "components/0/../../../etc/passwd", "components//x",
        "components/0/weight.bin/", "\u0000", "nul\u0001", "MANIFEST.JSON", "components/0/WEIGHT.bin",
        "components/9/x.bin", "components/0/new.bin", "inner.zip", "\ud800", new string('a', 600),
    ];

    private static readonly string[] StructuralFields = ["name", "kind", "shape", "byteLength", "sha256"];

    private static readonly string OriginalFingerprint = Fingerprint(HostileArchive.Valid())!;

    [Fact]
    public void Load_OfRandomlyByteFlippedArchives_ThrowsOnlyModelFormatException()
    {
        var random = new SeededRandom(101);
        RunCases(6000, random, r =>
        {
            byte[] bytes = HostileArchive.Valid();
            int flips = 1 + r.NextInt(4);
            for (int i = 0; i < flips; i++)
            {
                bytes[r.NextInt(bytes.Length)] ^= (byte)(1 + r.NextInt(255));
            }

            return bytes;
        });
    }

    [Fact]
    public void Load_OfTruncatedArchives_ThrowsOnlyModelFormatException()
    {
        var random = new SeededRandom(202);
        RunCases(2000, random, r =>
        {
            byte[] valid = HostileArchive.Valid();
            byte[] bytes = valid[..r.NextInt(valid.Length)];
            return r.NextInt(4) == 0 ? [.. bytes, .. RandomBytes(r, 1 + r.NextInt(64))] : bytes;
        });
    }

    [Fact]
    public void Load_OfHandMadeHostileArchives_ThrowsOnlyModelFormatException()
    {
        var random = new SeededRandom(303);
        RunCases(2500, random, MakeHostile);
    }

    private static void RunCases(int count, SeededRandom random, Func<SeededRandom, byte[]> makeCase)
    {
        TimeSpan slowest = TimeSpan.Zero;
        int rejected = 0;
        for (int i = 0; i < count; i++)
        {
            byte[] archive = makeCase(random);
            var watch = Stopwatch.StartNew();
            string? fingerprint;
            try
            {
                fingerprint = Fingerprint(archive);
            }
            catch (ModelFormatException)
            {
                fingerprint = null;
                rejected++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"Case {i} threw {ex.GetType().Name}, not ModelFormatException: {ex}");
                return;
            }

            watch.Stop();
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            Assert.True(watch.Elapsed < CaseLimit, $"Case {i} took {watch.Elapsed.TotalMilliseconds} ms.");
            if (fingerprint is not null)
            {
                Assert.True(fingerprint == OriginalFingerprint, $"Case {i} loaded a model that differs from the original: {fingerprint}");
            }
        }

        Assert.True(rejected > count * 9 / 10, $"Only {rejected} of {count} damaged archives were rejected.");
    }

    /// <summary>Loads through a registry of strict loaders and describes everything that was loaded.</summary>
    private static string Fingerprint(byte[] archive)
    {
        var registry = new ModelComponentRegistry<object>();
        registry.Register("Linear", c =>
        {
            SampleOptions options = c.GetOptions<SampleOptions>();
            if (options.Sizes.Length != 2)
            {
                throw new ArgumentException("Sizes must have two elements.", nameof(c));
            }

            float[] weight = c.GetTensor("weight", options.Sizes);
            float[] bias = c.GetTensor("bias", options.Sizes[0]);
            return $"Linear {options.Width} {options.Name} {string.Join(",", weight.Concat(bias).Select(BitConverter.SingleToInt32Bits))}";
        });
        registry.Register("KeyMap", c => "KeyMap " + string.Join("|", c.GetStrings("keys")));
        using var stream = new MemoryStream(archive);
        LoadedModelArchive loaded = registry.LoadArchive(stream);
        return string.Join(
            "\n",
            [loaded.LibraryVersion, .. loaded.InputSchema.Select(c => $"{c.Name}:{c.Type}"), .. registry.CreateAll(loaded).Cast<string>()]);
    }

    private static byte[] MakeHostile(SeededRandom random) => random.NextInt(10) switch
    {
        0 => MutateStructuralField(random),
        1 => HostileArchive.WithEntries(e => e.Add((Pick(random, HostileNames), RandomBytes(random, random.NextInt(32))))),
        2 => NestedZip(random),
        3 => HostileArchive.PatchDeclaredLength(HostileArchive.Valid(), Pick(random, ["components/0/weight.bin", "components/0/bias.bin", "components/1/keys.bin", "manifest.json"]), (uint)random.NextUInt64()),
        4 => GarbageManifest(random),
        5 => HostileArchive.WithEntries(e => e.Add((e[random.NextInt(e.Count)].Name, RandomBytes(random, random.NextInt(48))))),
        6 => HostileArchive.WithEntries(e => e.RemoveAt(random.NextInt(e.Count))),
        7 => random.NextInt(50) == 0 ? ManyEntries(random) : Bomb(random),
        8 => HostileArchive.WithManifest(m => m["formatVersion"] = random.NextInt(1000) + 2),
        _ => HostileArchive.Build(HostileArchive.ValidManifest().ToJsonString(), HostileArchive.ValidDataEntries(), checksum: Convert.ToHexStringLower(RandomBytes(random, 32))),
    };

    private static byte[] MutateStructuralField(SeededRandom random)
    {
        JsonNode[] replacements =
        [
            -1, 0, 1, 3, int.MaxValue, long.MaxValue, 1e308, -0.5, "..", "../x", "", "Float32", "Float64", "Int64", "Strings",
            new JsonArray(), new JsonArray(-1), new JsonArray(6), new JsonArray(3, 2), new JsonArray(int.MaxValue, int.MaxValue),
            new JsonObject(), true, new string('f', 64), new string('a', 300),
        ];
        return HostileArchive.WithManifest(m =>
        {
            int component = random.NextInt(2);
            var entries = (JsonArray)m["components"]![component]!["entries"]!;
            var entry = (JsonObject)entries[random.NextInt(entries.Count)]!;
            string field = Pick(random, StructuralFields);
            JsonNode replacement = Pick(random, replacements).DeepClone();
            if (JsonNode.DeepEquals(entry[field], replacement))
            {
                entry.Remove(field);
            }
            else
            {
                entry[field] = replacement;
            }
        });
    }

    private static byte[] NestedZip(SeededRandom random)
    {
        byte[] nested = HostileArchive.Valid();
        if (random.NextInt(2) == 0)
        {
            return HostileArchive.WithEntries(e => e.Add(("components/0/nested.zip", nested)));
        }

        // A nested zip in place of the weights, declared honestly (length, checksum, a shape that fits): the
        // archive is consistent, so the loader's shape check is what must catch it.
        JsonObject manifest = HostileArchive.ValidManifest();
        JsonObject weight = HostileArchive.Entry(manifest, 0, 0);
        byte[] padded = [.. nested, .. new byte[(4 - (nested.Length % 4)) % 4]];
        weight["shape"] = new JsonArray(padded.Length / 4);
        weight["byteLength"] = padded.Length;
        weight["sha256"] = HostileArchive.Sha256(padded);
        List<(string Name, byte[] Data)> entries = HostileArchive.ValidDataEntries();
        entries[entries.FindIndex(x => x.Name == "components/0/weight.bin")] = ("components/0/weight.bin", padded);
        return HostileArchive.Build(manifest.ToJsonString(), entries);
    }

    private static byte[] GarbageManifest(SeededRandom random)
    {
        string valid = HostileArchive.ValidManifest().ToJsonString();
        string manifest = random.NextInt(3) switch
        {
            0 => valid[..random.NextInt(valid.Length)],
            1 => Encoding.Latin1.GetString(RandomBytes(random, random.NextInt(200))),
            _ => valid.Insert(Pick(random, PunctuationPositions(valid)), Pick(random, ["{", "}", "[", "]", ",", "\"", ":", "null", "\\u0000"])),
        };
        return HostileArchive.Build(manifest, HostileArchive.ValidDataEntries());
    }

    /// <summary>Positions just before JSON punctuation outside strings, where any inserted token breaks the syntax.</summary>
    private static List<int> PunctuationPositions(string json)
    {
        var positions = new List<int>();
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                i += c == '\\' ? 1 : 0;
                inString = c != '"';
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is ',' or ':' or '[' or ']' or '{' or '}')
            {
                positions.Add(i);
            }
        }

        return positions;
    }

    private static byte[] Bomb(SeededRandom random)
    {
        string target = Pick(random, ["components/0/weight.bin", "components/0/bias.bin", "components/1/keys.bin"]);
        byte[] bomb = HostileArchive.WithEntries(
            e => e[e.FindIndex(x => x.Name == target)] = (target, new byte[(1 + random.NextInt(4)) << 18]),
            CompressionLevel.Fastest);
        return random.NextInt(2) == 0 ? bomb : HostileArchive.PatchDeclaredLength(bomb, target, (uint)random.NextInt(64));
    }

    private static byte[] ManyEntries(SeededRandom random) => HostileArchive.WithEntries(e =>
    {
        int count = 4097 + random.NextInt(1000);
        for (int i = 0; i < count; i++)
        {
            e.Add(($"components/0/x{i}.bin", []));
        }
    });

    private static T Pick<T>(SeededRandom random, IReadOnlyList<T> items) => items[random.NextInt(items.Count)];

    private static byte[] RandomBytes(SeededRandom random, int count)
    {
        var bytes = new byte[count];
        for (int i = 0; i < count; i++)
        {
            bytes[i] = (byte)random.NextInt(256);
        }

        return bytes;
    }
}
