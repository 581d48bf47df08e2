using Hypernetworks.MLNet;
using Hypernetworks.TorchSharp.Tests.Testing;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.TorchSharp.Tests.MLNet;

/// <summary>The TorchSharp backend chosen in the ML.NET trainer's options, with ML.NET's own device settings.</summary>
public sealed class TrainerBackendTests
{
    [SkippableFact]
    public void Fit_OnTorchSharpScoresLikeTheManagedEngineAndSavesTheSameWay()
    {
        Libtorch.Require();
        var context = new MLContext(1);
        IDataView data = context.Data.LoadFromEnumerable(Rows(200, 1));

        using HypernetworkTransformer managed = context.Regression.Trainers.Hypernetwork(Options(null)).Fit(data);
        using HypernetworkTransformer torch = context.Regression.Trainers.Hypernetwork(Options(new TorchSharpBackend())).Fit(data);
        float[] expected = Scores(context, managed, data);
        float[] actual = Scores(context, torch, data);
        using var stream = new MemoryStream();
        context.Model.Save(torch, data.Schema, stream);
        stream.Position = 0;
        float[] reloaded = Scores(context, context.Model.LoadHypernetwork(stream, out _), data);

        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 1e-3 * Math.Max(1, Math.Abs(p.First))));
        Assert.Equal(actual, reloaded);
    }

    [SkippableFact]
    public void Fit_FailsClearlyForTheContextsGpuWithoutOneUnlessFallingBack()
    {
        Libtorch.Require();
        Skip.If(global::TorchSharp.torch.cuda.is_available(), "a GPU is visible here");
        IDataView Data(MLContext c) => c.Data.LoadFromEnumerable(Rows(40, 2));
        var strict = new MLContext(1) { GpuDeviceId = 0, FallbackToCpu = false };
        var lenient = new MLContext(1) { GpuDeviceId = 0, FallbackToCpu = true };

        var error = Assert.Throws<InvalidOperationException>(() => strict.Regression.Trainers.Hypernetwork(Options(new TorchSharpBackend())).Fit(Data(strict)));
        using HypernetworkTransformer model = lenient.Regression.Trainers.Hypernetwork(Options(new TorchSharpBackend())).Fit(Data(lenient));

        Assert.Contains("cuda", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("FallbackToCpu", error.Message, StringComparison.Ordinal);
        Assert.Equal(40, Scores(lenient, model, Data(lenient)).Length);
    }

    private static HypernetworkTrainer.Options Options(global::Hypernetworks.Model.Training.TrainingBackend? backend) => new()
    {
        ConditioningColumnName = "Conditioning", FeatureColumnName = "Features", HiddenSizes = [16], TargetHiddenSizes = [8],
        Epochs = 3, BatchSize = 32, Seed = 3, Backend = backend,
    };

    private static float[] Scores(MLContext context, ITransformer model, IDataView data) =>
        [.. model.Transform(data).GetColumn<float>("Score")];

    private static List<Row> Rows(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            float[] z = [MathF.Cos(i % 5), MathF.Sin(i % 5)];
            float[] x = [(float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble()];
            return new Row { Conditioning = z, Features = x, Label = (z[0] * x[0]) - (z[1] * x[1]) + x[2] };
        })];
    }

    public sealed class Row
    {
        [VectorType(2)]
        public float[] Conditioning { get; set; } = [];

        [VectorType(3)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
