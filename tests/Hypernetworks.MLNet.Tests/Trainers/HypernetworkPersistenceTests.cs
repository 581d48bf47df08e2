using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Hypernetworks.MLNet.Tests.Transforms;
using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Tests.Trainers;

public sealed class HypernetworkPersistenceTests
{
    private readonly MLContext _context = new(1);

    public static TheoryData<HypernetworkTask> Tasks => HypernetworkSchemaTests.Tasks;

    public static TheoryData<GeneratorKind> Generators => new()
    {
        GeneratorKind.PerLayer,
        GeneratorKind.SharedTrunk,
        GeneratorKind.Chunked,
        GeneratorKind.LowRank,
    };

    [Theory]
    [MemberData(nameof(Tasks))]
    public void NormalizerAndHypernetwork_RoundTripBitwise(HypernetworkTask task)
    {
        IDataView data = HypernetworkSchemaTests.Data(task, 80);
        var pipeline = _context.Transforms.NormalizeMeanVariance("Features")
            .Append(_context.Hypernetwork(TaskData.Options(epochs: 2)));

        EstimatorChecks.Check(pipeline, data);
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void EveryGeneratorKind_RoundTripsBitwise(GeneratorKind generator)
    {
        HypernetworkTrainer.Options options = TaskData.Options(epochs: 2);
        options.Generator = generator;
        options.ChunkSize = generator == GeneratorKind.Chunked ? 40 : 0;

        EstimatorChecks.Check(_context.Regression.Trainers.Hypernetwork(options), HypernetworkSchemaTests.Data(HypernetworkTask.Regression, 80));
    }

    [Fact]
    public void KeyConditioning_RoundTripsBitwise()
    {
        IDataView data = _context.Data.LoadFromEnumerable(TaskData.Keyed(80, 1));

        EstimatorChecks.Check(_context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 2)), data);
    }

    [Fact]
    public void MulticlassTextLabels_MapBackAfterLoading()
    {
        IDataView data = _context.Data.LoadFromEnumerable(TaskData.Multiclass(90, 1).Select(r => new TextLabelTaskRow
        {
            Conditioning = r.Conditioning,
            Features = r.Features,
            Label = ((char)('a' + r.Label - 1)).ToString(),
        }));
        var pipeline = _context.Transforms.Conversion.MapValueToKey("Label")
            .Append(_context.MulticlassClassification.Trainers.Hypernetwork(TaskData.Options(epochs: 2)))
            .Append(_context.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        ITransformer model = pipeline.Fit(data);
        using var stream = new MemoryStream();
        _context.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        ITransformer loaded = _context.Model.Load(stream, out _);

        string[] expected = PredictedLabels(model.Transform(data));
        Assert.Equal(expected, PredictedLabels(loaded.Transform(data)));
        Assert.All(expected, label => Assert.Contains(label, new[] { "a", "b", "c" }));
    }

    [Fact]
    public void Load_RejectsTamperedTensorShape()
    {
        using HypernetworkTransformer model = _context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 1)).Fit(HypernetworkSchemaTests.Data(HypernetworkTask.Regression, 30));
        using var stream = new MemoryStream();
        _context.Model.Save(model, null, stream);
        byte[] tampered = RewriteOptions(stream.ToArray(), options => options["hiddenSizes"] = new JsonArray(32, 33));

        var error = Assert.Throws<ModelFormatException>(() => _context.Model.Load(new MemoryStream(tampered), out _));
        Assert.Contains("HypernetworkTransformer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsSpecLargerThanSavedTensors()
    {
        using HypernetworkTransformer model = _context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 1)).Fit(HypernetworkSchemaTests.Data(HypernetworkTask.Regression, 30));
        using var stream = new MemoryStream();
        _context.Model.Save(model, null, stream);
        byte[] tampered = RewriteOptions(stream.ToArray(), options => options["targetLayerSizes"] = new JsonArray(4, 16_000_000, 16_000_000, 1));

        var error = Assert.Throws<ModelFormatException>(() => _context.Model.Load(new MemoryStream(tampered), out _));
        Assert.Contains("more parameters", error.Message, StringComparison.Ordinal);
    }

    private static string[] PredictedLabels(IDataView scored)
    {
        DataViewSchema.Column column = scored.Schema["PredictedLabel"];
        using DataViewRowCursor cursor = scored.GetRowCursor([column]);
        ValueGetter<ReadOnlyMemory<char>> getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
        var labels = new List<string>();
        ReadOnlyMemory<char> value = default;
        while (cursor.MoveNext())
        {
            getter(ref value);
            labels.Add(value.ToString());
        }

        return [.. labels];
    }

    /// <summary>Edits the hypernetwork's options in manifest.json and recomputes manifest.sha256, so only the component's own checks can catch it.</summary>
    private static byte[] RewriteOptions(byte[] archive, Action<JsonNode> edit)
    {
        var entries = new Dictionary<string, byte[]>();
        using (var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read))
        {
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                using var copy = new MemoryStream();
                entry.Open().CopyTo(copy);
                entries[entry.FullName] = copy.ToArray();
            }
        }

        JsonNode manifest = JsonNode.Parse(entries["manifest.json"])!;
        edit(manifest["components"]![0]!["options"]!);
        entries["manifest.json"] = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        if (entries.ContainsKey("manifest.sha256"))
        {
            entries["manifest.sha256"] = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(entries["manifest.json"])));
        }

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] bytes) in entries)
            {
                ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                using Stream stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }
}
