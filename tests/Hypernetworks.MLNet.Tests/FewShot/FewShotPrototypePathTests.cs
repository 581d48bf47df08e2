using Hypernetworks.MLNet;
using Microsoft.ML;

namespace Hypernetworks.MLNet.Tests.FewShot;

/// <summary>The DeepSets prototype path through the trainer: on by default with a linear target, its metric fitted and kept.</summary>
public sealed class FewShotPrototypePathTests
{
    [Theory]
    [InlineData(new int[0], 20f)]
    [InlineData(new[] { 16 }, 0f)]
    public void Fit_TakesThePrototypePathForALinearTarget(int[] targetHidden, float expectedShrinkage)
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = BlobData.Make(mlContext, "d", classes: 6, perClass: 4, seed: 2);

        using FewShotHypernetworkTransformer model = mlContext.MulticlassClassification.Trainers.FewShotHypernetwork(new FewShotHypernetworkTrainer.Options
        {
            Shots = 1, Queries = 2, Steps = 1, Seed = 1, TargetHiddenSizes = targetHidden,
        }).Fit(data);

        Assert.Equal(expectedShrinkage, model.Model.Spec.SetMetricShrinkage);
        Assert.Equal(expectedShrinkage > 0, model.Model.Spec.HasPrototypePath);
    }

    [Fact]
    public void Adapt_SeesPastAFeatureInWhichEveryClassVaries()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView train = BlobData.Make(mlContext, "t", classes: 12, perClass: 20, seed: 4, nuisance: 6f);
        // The shrinkage is relative to the mean variance, which the nuisance dominates here, so it is small.
        using FewShotHypernetworkTransformer model = mlContext.MulticlassClassification.Trainers.FewShotHypernetwork(new FewShotHypernetworkTrainer.Options
        {
            Shots = 2, Queries = 5, Steps = 20, Seed = 1, MetricShrinkage = 0.05f,
        }).Fit(train);
        (IDataView support, IDataView queries) = BlobData.Split(mlContext, BlobData.Make(mlContext, "n", classes: 5, perClass: 22, seed: 9, nuisance: 6f), count: 2);

        using FewShotClassifier classifier = model.Adapt(support);

        double accuracy = classifier.Evaluate(queries, "Label");
        double raw = RawNearestPrototypeAccuracy(mlContext, support, queries);
        Assert.True(accuracy > 0.85 && accuracy > raw + 0.15, $"prototype path {accuracy:F3}, nearest prototype in the raw features {raw:F3}");
    }

    [Fact]
    public void SaveAndLoad_KeepsTheFittedMetric()
    {
        var mlContext = new MLContext(seed: 1);
        using FewShotHypernetworkTransformer model = mlContext.MulticlassClassification.Trainers.FewShotHypernetwork(new FewShotHypernetworkTrainer.Options
        {
            Shots = 2, Queries = 5, Steps = 10, Seed = 1,
        }).Fit(BlobData.Make(mlContext, "t", classes: 8, perClass: 10, seed: 6, nuisance: 3f));
        (IDataView support, IDataView queries) = BlobData.Split(mlContext, BlobData.Make(mlContext, "n", classes: 5, perClass: 6, seed: 7, nuisance: 3f), count: 2);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        using FewShotHypernetworkTransformer loaded = FewShotHypernetworkTransformer.Load(stream);
        using FewShotClassifier a = model.Adapt(support);
        using FewShotClassifier b = loaded.Adapt(support);

        Assert.Equal(Scores(mlContext, a, queries), Scores(mlContext, b, queries));
    }

    [Theory]
    [InlineData("HiddenSizes")]
    [InlineData("MetricShrinkage")]
    [InlineData("LearningRate")]
    [InlineData("SharedWeightFraction")]
    public void Options_RejectWhatThePrototypePathCannotUse(string option)
    {
        var mlContext = new MLContext(seed: 1);
        var options = new FewShotHypernetworkTrainer.Options();
        switch (option)
        {
            case "HiddenSizes":
                options.HiddenSizes = [8];
                break;
            case "MetricShrinkage":
                options.MetricShrinkage = -1f;
                break;
            case "SharedWeightFraction":
                options.SharedWeightFraction = 0.5f;
                break;
            default:
                options.LearningRate = 0f;
                break;
        }

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => mlContext.MulticlassClassification.Trainers.FewShotHypernetwork(options));

        Assert.Equal(option, error.ParamName);
        Assert.Contains($"Options.{option}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ThrowsForFeaturesTooWideForTheMetric()
    {
        var mlContext = new MLContext(seed: 1);
        int width = Hypernetworks.Model.HypernetworkSpec.MaxMetricWidth + 1;
        var rows = Enumerable.Range(0, 12).Select(i => new WideRow { Class = $"c{i % 6}", Features = new float[width] }).ToArray();
        IDataView data = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(WideRow.Class)).Fit(mlContext.Data.LoadFromEnumerable(rows)).Transform(mlContext.Data.LoadFromEnumerable(rows));
        var trainer = mlContext.MulticlassClassification.Trainers.FewShotHypernetwork(new FewShotHypernetworkTrainer.Options { Shots = 1, Queries = 1, Steps = 1 });

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(data));

        Assert.Equal(nameof(FewShotHypernetworkTrainer.Options.MetricShrinkage), error.ParamName);
        Assert.Contains($"has {width} values", error.Message, StringComparison.Ordinal);
    }

    private static float[][] Scores(MLContext mlContext, ITransformer model, IDataView rows)
        => [.. mlContext.Data.CreateEnumerable<FewShotHypernetworkTests.EngineScore>(model.Transform(rows), reuseRowObject: false).Select(p => p.Score)];

    private static double RawNearestPrototypeAccuracy(MLContext mlContext, IDataView support, IDataView queries)
    {
        Dictionary<string, float[]> prototypes = mlContext.Data.CreateEnumerable<BlobRow>(support, reuseRowObject: false)
            .GroupBy(r => r.Class)
            .ToDictionary(g => g.Key, g => Enumerable.Range(0, BlobData.Size).Select(j => g.Average(r => r.Features[j])).ToArray());
        BlobRow[] rows = [.. mlContext.Data.CreateEnumerable<BlobRow>(queries, reuseRowObject: false)];
        return rows.Count(r => prototypes.MinBy(p => System.Numerics.Tensors.TensorPrimitives.Distance(p.Value, r.Features)).Key == r.Class) / (double)rows.Length;
    }
}

/// <summary>A row with more features than the prototype path's metric takes.</summary>
public sealed class WideRow
{
    /// <summary>The class name.</summary>
    public string Class { get; set; } = "";

    /// <summary>The features.</summary>
    [Microsoft.ML.Data.VectorType(Hypernetworks.Model.HypernetworkSpec.MaxMetricWidth + 1)]
    public float[] Features { get; set; } = [];
}
