using Hypernetworks.MLNet.Tests.Trainers;
using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Tests.ModelFiles;

/// <summary>Saving with stock <c>mlContext.Model.Save</c>, loading with stock <c>Load</c> and with <c>LoadHypernetwork</c>.</summary>
public sealed class HypernetworkModelFileTests
{
    private readonly MLContext _context = new(1);

    public static TheoryData<HypernetworkTask> Tasks => HypernetworkSchemaTests.Tasks;

    public static TheoryData<GeneratorKind, HypernetworkTask> KindsAndTasks()
    {
        var data = new TheoryData<GeneratorKind, HypernetworkTask>();
        foreach (GeneratorKind kind in Enum.GetValues<GeneratorKind>())
        {
            foreach (HypernetworkTask task in Enum.GetValues<HypernetworkTask>())
            {
                data.Add(kind, task);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void NormalizerAndHypernetwork_RoundTrip(HypernetworkTask task)
    {
        var pipeline = _context.Transforms.NormalizeMeanVariance("Features").Append(_context.Hypernetwork(TaskData.Options(epochs: 2)));

        ModelFileChecks.Check(_context, pipeline, HypernetworkSchemaTests.Data(task, 80));
    }

    [Theory]
    [MemberData(nameof(KindsAndTasks))]
    public void EveryGeneratorKindAndTask_RoundTrips(GeneratorKind generator, HypernetworkTask task)
    {
        HypernetworkTrainer.Options options = TaskData.Options(epochs: 2);
        options.Generator = generator;
        options.ChunkSize = generator == GeneratorKind.Chunked ? 40 : 0;

        ModelFileChecks.Check(_context, _context.Hypernetwork(options), HypernetworkSchemaTests.Data(task, 80));
    }

    [Fact]
    public void KeyConditioning_RoundTrips()
    {
        IDataView data = _context.Data.LoadFromEnumerable(TaskData.Keyed(80, 1));

        ModelFileChecks.Check(_context, _context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 2)), data);
    }

    [Fact]
    public void WithoutStandardization_RoundTrips()
    {
        HypernetworkTrainer.Options options = TaskData.Options(epochs: 2);
        options.Standardize = false;

        ModelFileChecks.Check(_context, _context.Regression.Trainers.Hypernetwork(options), HypernetworkSchemaTests.Data(HypernetworkTask.Regression, 60));
    }

    [Fact]
    public void MulticlassTextLabels_MapBackAfterLoading()
    {
        IDataView data = _context.Data.LoadFromEnumerable(TaskData.Multiclass(90, 1).Select(r => new TextLabelTaskRow
        {
            Conditioning = r.Conditioning,
            Features = r.Features,
            Label = ((char)('a' + r.Label)).ToString(),
        }));
        var pipeline = _context.Transforms.Conversion.MapValueToKey("Label")
            .Append(_context.MulticlassClassification.Trainers.Hypernetwork(TaskData.Options(epochs: 2)))
            .Append(_context.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

        ITransformer model = ModelFileChecks.Check(_context, pipeline, data);
        string[] labels = [.. model.Transform(data).GetColumn<ReadOnlyMemory<char>>("PredictedLabel").Select(l => l.ToString())];
        Assert.All(labels, label => Assert.Contains(label, new[] { "a", "b", "c" }));
    }

    [Fact]
    public void LoadHypernetwork_GivesOurTransformerWithItsModel()
    {
        IDataView data = HypernetworkSchemaTests.Data(HypernetworkTask.Regression, 60);
        using HypernetworkTransformer model = _context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 2)).Fit(data);
        using var stream = new MemoryStream();
        _context.Model.Save(model, data.Schema, stream);
        stream.Position = 0;

        ITransformer loaded = _context.Model.LoadHypernetwork(stream, out _);
        var ours = (HypernetworkTransformer)ModelFileChecks.Flatten(loaded).Single();
        float[] z = TaskData.Condition(2);
        float[] x = [0.5f, -1f, 0.25f, 2f];
        var expected = new float[1];
        var actual = new float[1];
        model.Materialize(z).Forward(x, expected);
        ours.Materialize(z).Forward(x, actual);

        Assert.Equal(model.Model.Spec.Generator, ours.Model.Spec.Generator);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void LoadHypernetwork_ThrowsOurExceptionForAFileThatIsNotAModel()
    {
        var error = Assert.Throws<HypernetworkModelFormatException>(() => _context.Model.LoadHypernetwork(new MemoryStream([1, 2, 3, 4, 5]), out _));
        Assert.Contains("not a valid zip archive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadHypernetwork_LeavesAModelWithoutOurGraphAlone()
    {
        IDataView data = HypernetworkSchemaTests.Data(HypernetworkTask.Regression, 30);
        ITransformer stock = _context.Transforms.NormalizeMinMax("Features").Fit(data);
        using var stream = new MemoryStream();
        _context.Model.Save(stock, data.Schema, stream);
        stream.Position = 0;

        ITransformer loaded = _context.Model.LoadHypernetwork(stream, out _);
        Assert.DoesNotContain(ModelFileChecks.Flatten(loaded), t => t is HypernetworkTransformer);
    }

    [Fact]
    public void SaveOnnx_WritesTheFileWhole()
    {
        using HypernetworkTransformer model = _context.Regression.Trainers.Hypernetwork(TaskData.Options(epochs: 1)).Fit(HypernetworkSchemaTests.Data(HypernetworkTask.Regression, 30));
        string folder = Directory.CreateTempSubdirectory("hypernetwork-onnx-").FullName;
        try
        {
            string path = Path.Combine(folder, "model.onnx");
            model.SaveOnnx(path);
            using var expected = new MemoryStream();
            model.SaveOnnx(expected);

            Assert.Equal(expected.ToArray(), File.ReadAllBytes(path));
            Assert.Equal(["model.onnx"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
