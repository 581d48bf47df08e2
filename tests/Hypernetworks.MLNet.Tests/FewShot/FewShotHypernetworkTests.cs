using Hypernetworks.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests.FewShot;

public sealed class FewShotHypernetworkTests : IClassFixture<FewShotHypernetworkTests.MetaTrained>
{
    private readonly MetaTrained _trained;

    public FewShotHypernetworkTests(MetaTrained trained) => _trained = trained;

    [Fact]
    public void Adapt_OnNewLabelsPredictsThoseLabels()
    {
        var mlContext = new MLContext(seed: 1);
        (IDataView support, IDataView queries) = BlobData.Split(mlContext, BlobData.Make(mlContext, "novel-", classes: 5, perClass: 23, seed: 77), count: 3);

        using FewShotClassifier classifier = _trained.Model.Adapt(support);

        Assert.Equal(["novel-0", "novel-1", "novel-2", "novel-3", "novel-4"], classifier.Classes.Order());
        BlobPrediction[] predictions = Predict(mlContext, classifier, queries);
        string[] truth = [.. mlContext.Data.CreateEnumerable<BlobRow>(queries, reuseRowObject: false).Select(r => r.Class)];
        double accuracy = predictions.Zip(truth).Count(p => p.First.PredictedClass == p.Second) / (double)truth.Length;
        Assert.True(accuracy > 0.6, $"accuracy {accuracy} on new classes (chance 0.2)");
        Assert.Equal(accuracy, classifier.Evaluate(queries, "Label"), 6);
        Assert.All(predictions, p => Assert.Equal(5, p.Score.Length));
    }

    [Fact]
    public void Adapt_FollowsTheSupportsLabels()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = BlobData.Make(mlContext, "x", classes: 5, perClass: 13, seed: 91);
        (IDataView support, IDataView queries) = BlobData.Split(mlContext, data, count: 3);
        // The same rows with the classes renamed in another order, so that every class moves to another label: the
        // predictions must follow the names, not the label positions.
        string[] newNames = ["e", "c", "a", "d", "b"];
        string Rename(string name) => newNames[name[1] - '0'];
        var renamed = mlContext.Data.CreateEnumerable<BlobRow>(support, reuseRowObject: false).Select(r => new BlobRow { Class = Rename(r.Class), Features = r.Features }).OrderBy(r => r.Class).ToArray();
        IDataView renamedSupport = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(BlobRow.Class)).Fit(mlContext.Data.LoadFromEnumerable(renamed)).Transform(mlContext.Data.LoadFromEnumerable(renamed));

        using FewShotClassifier original = _trained.Model.Adapt(support);
        using FewShotClassifier relabelled = _trained.Model.Adapt(renamedSupport);

        BlobPrediction[] a = Predict(mlContext, original, queries);
        BlobPrediction[] b = Predict(mlContext, relabelled, queries);
        // The classifier is generated again from the permuted labels (φ reads them), so a query near a class boundary may
        // change sides; the rest must carry the renamed class.
        double following = a.Zip(b).Count(p => Rename(p.First.PredictedClass) == p.Second.PredictedClass) / (double)a.Length;
        Assert.True(following >= 0.9, $"{following:P0} of the predictions followed the renamed labels");
        int moved = original.Classes.Count(name => original.Classes.ToList().IndexOf(name) != relabelled.Classes.ToList().IndexOf(Rename(name)));
        Assert.True(moved >= 3, $"the renaming moved {moved} classes to other labels; the test needs most of them moved");
    }

    [Fact]
    public void Adapt_ToEpisodesOfNeverSeenClassesBeatsChance()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView novel = BlobData.Make(mlContext, "episode-", classes: 8, perClass: 20, seed: 55);
        var episodes = new FewShotEpisodes(mlContext, novel, "Features", "Label", new Hypernetworks.Model.FewShot.EpisodeOptions { Ways = 5, Shots = 2, Queries = 10, Seed = 9 });

        double mean = Enumerable.Range(0, 10).Average(_ =>
        {
            FewShotEpisode episode = episodes.Next();
            using FewShotClassifier classifier = _trained.Model.Adapt(episode.Support);
            Assert.Equal(episode.Classes.Order(), classifier.Classes.Order());
            return classifier.Evaluate(episode.Queries, "Label");
        });

        Assert.True(mean > 0.6, $"mean accuracy {mean} over 10 episodes of new classes (chance 0.2)");
    }

    [Fact]
    public void SaveAndLoad_OfAnAdaptedClassifierPredictsTheSame()
    {
        var mlContext = new MLContext(seed: 1);
        (IDataView support, IDataView queries) = BlobData.Split(mlContext, BlobData.Make(mlContext, "s", classes: 5, perClass: 10, seed: 5), count: 2);
        using FewShotClassifier classifier = _trained.Model.Adapt(support);
        string path = Path.Combine(Path.GetTempPath(), $"fewshot-{Guid.NewGuid():N}.zip");
        try
        {
            mlContext.Model.Save(classifier, support.Schema, path);
            ITransformer stock = mlContext.Model.Load(path, out _);
            ITransformer ours = mlContext.Model.LoadHypernetwork(path, out _);

            BlobPrediction[] expected = Predict(mlContext, classifier, queries);
            foreach (ITransformer loaded in new[] { stock, ours })
            {
                BlobPrediction[] actual = Predict(mlContext, loaded, queries);
                Assert.All(expected.Zip(actual), p =>
                {
                    Assert.Equal(p.First.PredictedClass, p.Second.PredictedClass);
                    Assert.Equal(p.First.Score, p.Second.Score, (x, y) => Math.Abs(x - y) <= 1e-5f);
                });
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pipeline_AdaptsThroughItsEarlierTransformsAndSaves()
    {
        var mlContext = new MLContext(seed: 1);
        // The labels are mapped to keys per data set, outside the pipeline: new classes need a key mapping of their own.
        IDataView rows = BlobData.Make(mlContext, "train-", classes: 20, perClass: 20, seed: 31);
        var pipeline = mlContext.Transforms.NormalizeMeanVariance("Features")
            .Append(mlContext.MulticlassClassification.Trainers.FewShotHypernetwork(new FewShotHypernetworkTrainer.Options
            {
                Shots = 2, Queries = 5, Steps = 200, LearningRate = 1e-3f, TargetHiddenSizes = [16], SetHiddenSizes = [32, 16], SetEmbeddingSize = 8, Seed = 3,
            }));
        using TransformerChain<FewShotHypernetworkTransformer> fitted = pipeline.Fit(rows);
        IDataView support = BlobData.Make(mlContext, "new-", classes: 5, perClass: 6, seed: 32);

        TransformerChain<ITransformer> adapted = fitted.Adapt(support);

        IDataView scored = mlContext.Transforms.Conversion.MapKeyToValue("PredictedClass", "PredictedLabel").Fit(adapted.Transform(support)).Transform(adapted.Transform(support));
        Assert.All(scored.GetColumn<string>("PredictedClass"), name => Assert.StartsWith("new-", name, StringComparison.Ordinal));
        using var stream = new MemoryStream();
        mlContext.Model.Save(adapted, support.Schema, stream);
        stream.Position = 0;
        ITransformer loaded = mlContext.Model.Load(stream, out _);
        Assert.Equal(adapted.Transform(support).GetColumn<float[]>("Score").SelectMany(s => s), loaded.Transform(support).GetColumn<float[]>("Score").SelectMany(s => s), (x, y) => Math.Abs(x - y) <= 1e-5f);
        ((IDisposable)adapted.LastTransformer).Dispose();
    }

    [Fact]
    public void Adapt_ThrowsWithAHintForLabelsMappedWithTheTrainingKeys()
    {
        var mlContext = new MLContext(seed: 1);
        BlobRow[] train = [.. mlContext.Data.CreateEnumerable<BlobRow>(BlobData.Make(mlContext, "a", classes: 5, perClass: 2, seed: 1), reuseRowObject: false)];
        BlobRow[] novel = [.. mlContext.Data.CreateEnumerable<BlobRow>(BlobData.Make(mlContext, "b", classes: 5, perClass: 2, seed: 2), reuseRowObject: false)];
        var trainingKeys = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(BlobRow.Class)).Fit(mlContext.Data.LoadFromEnumerable(train));

        var error = Assert.Throws<InvalidOperationException>(() => _trained.Model.Adapt(trainingKeys.Transform(mlContext.Data.LoadFromEnumerable(novel))));

        Assert.Contains("Column 'Label' row 0 holds a missing key", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs its own key mapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PredictionEngine_ScoresOneRowAsTheViewDoes()
    {
        var mlContext = new MLContext(seed: 1);
        (IDataView support, IDataView queries) = BlobData.Split(mlContext, BlobData.Make(mlContext, "p", classes: 5, perClass: 6, seed: 12), count: 2);
        using FewShotClassifier classifier = _trained.Model.Adapt(support);
        BlobRow row = mlContext.Data.CreateEnumerable<BlobRow>(queries, reuseRowObject: false).First();
        float[] expected = Predict(mlContext, classifier, queries)[0].Score;

        var engine = mlContext.Model.CreatePredictionEngine<BlobRow, EngineScore>(classifier);
        float[] actual = engine.Predict(row).Score;

        Assert.Equal(expected, actual, (x, y) => Math.Abs(x - y) <= 1e-6f);
    }

    [Fact]
    public void SaveOnnx_WritesTheGeneratedClassifier()
    {
        var mlContext = new MLContext(seed: 1);
        (IDataView support, IDataView queries) = BlobData.Split(mlContext, BlobData.Make(mlContext, "o", classes: 5, perClass: 8, seed: 6), count: 2);
        using FewShotClassifier classifier = _trained.Model.Adapt(support);
        string path = Path.Combine(Path.GetTempPath(), $"fewshot-{Guid.NewGuid():N}.onnx");
        try
        {
            classifier.SaveOnnx(path);
            var onnx = mlContext.Transforms.ApplyOnnxModel(["HypernetworkScore"], [classifier.FeatureColumnName], path).Fit(queries);
            float[][] direct = [.. onnx.Transform(queries).GetColumn<float[]>("HypernetworkScore")];
            BlobPrediction[] expected = Predict(mlContext, classifier, queries);
            Assert.All(expected.Zip(direct), p => Assert.Equal(p.First.Score, p.Second, (x, y) => Math.Abs(x - y) <= 1e-5f));
            onnx.Dispose();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SaveAndLoad_OfAMetaTrainedModelAdaptsTheSame()
    {
        var mlContext = new MLContext(seed: 1);
        (IDataView support, IDataView queries) = BlobData.Split(mlContext, BlobData.Make(mlContext, "m", classes: 5, perClass: 8, seed: 8), count: 2);
        using var stream = new MemoryStream();
        _trained.Model.Save(stream);
        stream.Position = 0;

        using FewShotHypernetworkTransformer loaded = FewShotHypernetworkTransformer.Load(stream);
        using FewShotClassifier a = _trained.Model.Adapt(support);
        using FewShotClassifier b = loaded.Adapt(support);

        Assert.Equal(Predict(mlContext, a, queries).Select(p => p.Score), Predict(mlContext, b, queries).Select(p => p.Score));
    }

    [Fact]
    public void Adapt_ThrowsNamingAClassWithNoExample()
    {
        var mlContext = new MLContext(seed: 1);
        BlobRow[] rows = [.. mlContext.Data.CreateEnumerable<BlobRow>(BlobData.Make(mlContext, "f", classes: 5, perClass: 3, seed: 2), reuseRowObject: false)];
        // The key knows five classes, but the support set has no row of f2.
        var keys = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(BlobRow.Class)).Fit(mlContext.Data.LoadFromEnumerable(rows));
        IDataView support = keys.Transform(mlContext.Data.LoadFromEnumerable(rows.Where(r => r.Class != "f2")));

        var error = Assert.Throws<ArgumentException>(() => _trained.Model.Adapt(support));

        Assert.Contains("holds 4 classes", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs exactly 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("have no example: f2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_RunsExactlyTheStepsAsked()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = BlobData.Make(mlContext, "s", classes: 5, perClass: 4, seed: 2);
        var steps = new List<long>();

        using FewShotHypernetworkTransformer model = mlContext.MulticlassClassification.Trainers.FewShotHypernetwork(new FewShotHypernetworkTrainer.Options
        {
            Shots = 1, Queries = 2, Steps = 150, Seed = 1, Progress = new Progress(p => steps.Add(p.Step)),
        }).Fit(data);

        Assert.Equal(150, steps[^1]);
    }

    [Fact]
    public void Options_RejectAugmentationsWithoutTheImageWidth()
    {
        var mlContext = new MLContext(seed: 1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => mlContext.MulticlassClassification.Trainers.FewShotHypernetwork(
            new FewShotHypernetworkTrainer.Options { Augmentations = Hypernetworks.Model.FewShot.ImageAugmentations.Rotations }));

        Assert.Contains("FewShotHypernetworkTrainer.Options.ImageWidth is 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adapt_ThrowsNamingAClassWithFewerThanKExamples()
    {
        var mlContext = new MLContext(seed: 1);
        BlobRow[] rows = [.. mlContext.Data.CreateEnumerable<BlobRow>(BlobData.Make(mlContext, "k", classes: 5, perClass: 3, seed: 3), reuseRowObject: false)];
        BlobRow[] short3 = [.. rows.Where(r => r.Class != "k3"), .. rows.Where(r => r.Class == "k3").Take(1)];
        IDataView support = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(BlobRow.Class)).Fit(mlContext.Data.LoadFromEnumerable(short3)).Transform(mlContext.Data.LoadFromEnumerable(short3));

        var error = Assert.Throws<ArgumentException>(() => _trained.Model.Adapt(support));

        Assert.Contains("Support class 'k3'", error.Message, StringComparison.Ordinal);
        Assert.Contains("has 1 examples", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_ThrowsNamingAFeatureColumnOfAnotherWidth()
    {
        var mlContext = new MLContext(seed: 1);
        (IDataView support, _) = BlobData.Split(mlContext, BlobData.Make(mlContext, "w", classes: 5, perClass: 3, seed: 6), count: 2);
        using FewShotClassifier classifier = _trained.Model.Adapt(support);
        IDataView narrow = mlContext.Data.LoadFromEnumerable(new[] { new NarrowRow() });

        var error = Assert.Throws<ArgumentException>(() => classifier.Transform(narrow));

        Assert.Contains($"Feature column 'Features' is Vector<Single, 3>; the classifier reads a vector of {BlobData.Size} Single values", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A row whose feature vector is too short.</summary>
    public sealed class NarrowRow
    {
        /// <summary>The features.</summary>
        [VectorType(3)]
        public float[] Features { get; set; } = [1, 2, 3];
    }

    [Fact]
    public void Evaluate_ThrowsNamingAQueryClassOutsideTheSupport()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView six = BlobData.Make(mlContext, "q", classes: 6, perClass: 4, seed: 4);
        BlobRow[] rows = [.. mlContext.Data.CreateEnumerable<BlobRow>(six, reuseRowObject: false)];
        BlobRow[] five = [.. rows.Where(r => r.Class != "q5")];
        IDataView support = mlContext.Transforms.Conversion.MapValueToKey("Label", nameof(BlobRow.Class)).Fit(mlContext.Data.LoadFromEnumerable(five)).Transform(mlContext.Data.LoadFromEnumerable(five));
        using FewShotClassifier classifier = _trained.Model.Adapt(support);

        var error = Assert.Throws<ArgumentException>(() => classifier.Evaluate(six, "Label"));

        Assert.Contains("of class 'q5'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not in the support set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MetaTrainedModel_AddsNoColumnAndSaysToAdaptForARowMapper()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = BlobData.Make(mlContext, "t", 5, 3, 1);

        Assert.Same(data, _trained.Model.Transform(data));
        var error = Assert.Throws<InvalidOperationException>(() => _trained.Model.GetRowToRowMapper(data.Schema));
        Assert.Contains("call Adapt(support)", error.Message, StringComparison.Ordinal);
        var save = Assert.Throws<NotSupportedException>(() => mlContext.Model.Save(_trained.Model, data.Schema, new MemoryStream()));
        Assert.Contains("FewShotHypernetworkTransformer.Save(stream)", save.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ThrowsNamingAClassWithTooFewRows()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = BlobData.Make(mlContext, "few", classes: 6, perClass: 3, seed: 2);
        var trainer = mlContext.MulticlassClassification.Trainers.FewShotHypernetwork(new FewShotHypernetworkTrainer.Options { Shots = 1, Queries = 5, Steps = 1 });

        var error = Assert.Throws<ArgumentException>(() => trainer.Fit(data));

        Assert.Contains("Label column 'Label': class 'few", error.Message, StringComparison.Ordinal);
        Assert.Contains("has 3 examples", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FewShotEncoder.DeepSets, new int[0])]
    [InlineData(FewShotEncoder.Prototypes, new[] { 128, 128 })]
    [InlineData(FewShotEncoder.SupportMean, new[] { 128, 128 })]
    public void Fit_PicksTheGeneratorWidthsByEncoder(FewShotEncoder encoder, int[] expected)
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = BlobData.Make(mlContext, "w", classes: 5, perClass: 4, seed: 2);

        using FewShotHypernetworkTransformer model = mlContext.MulticlassClassification.Trainers.FewShotHypernetwork(new FewShotHypernetworkTrainer.Options
        {
            Encoder = encoder, Shots = 1, Queries = 2, Steps = 1, Seed = 1,
        }).Fit(data);

        Assert.Equal(expected, model.Model.Spec.HiddenSizes);
        Assert.Equal([(BlobData.Size, 5)], model.Model.Spec.TargetLayerSizes);
    }

    [Fact]
    public void Fit_ThrowsForATextLabel()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView data = mlContext.Data.LoadFromEnumerable(new[] { new BlobRow { Class = "a", Features = new float[BlobData.Size] } });
        var trainer = mlContext.MulticlassClassification.Trainers.FewShotHypernetwork(labelColumnName: nameof(BlobRow.Class));

        var error = Assert.Throws<ArgumentException>(() => trainer.Fit(data));

        Assert.Contains("Label column 'Class'", error.Message, StringComparison.Ordinal);
        Assert.Contains("MapValueToKey", error.Message, StringComparison.Ordinal);
    }

    private static BlobPrediction[] Predict(MLContext mlContext, ITransformer model, IDataView rows)
    {
        IDataView scored = mlContext.Transforms.Conversion.MapKeyToValue(nameof(BlobPrediction.PredictedClass), "PredictedLabel").Fit(model.Transform(rows)).Transform(model.Transform(rows));
        return [.. mlContext.Data.CreateEnumerable<BlobPrediction>(scored, reuseRowObject: false)];
    }

    private sealed class Progress(Action<Hypernetworks.Model.Training.TrainingProgress> report) : IProgress<Hypernetworks.Model.Training.TrainingProgress>
    {
        public void Report(Hypernetworks.Model.Training.TrainingProgress value) => report(value);
    }

    /// <summary>The score of one row from a prediction engine.</summary>
    public sealed class EngineScore
    {
        /// <summary>The class probabilities.</summary>
        public float[] Score { get; set; } = [];
    }

    /// <summary>One meta-trained model shared by the tests: 40 classes of blobs, 5-way 2-shot episodes.</summary>
    public sealed class MetaTrained : IDisposable
    {
        public MetaTrained()
        {
            var mlContext = new MLContext(seed: 1);
            IDataView data = BlobData.Make(mlContext, "train-", classes: 40, perClass: 20, seed: 21);
            Model = mlContext.MulticlassClassification.Trainers.FewShotHypernetwork(new FewShotHypernetworkTrainer.Options
            {
                Shots = 2, Queries = 10, Steps = 1500, LearningRate = 1e-3f, TargetHiddenSizes = [16], SetHiddenSizes = [32, 16], SetEmbeddingSize = 8, Seed = 3,
            }).Fit(data);
        }

        public FewShotHypernetworkTransformer Model { get; }

        public void Dispose() => Model.Dispose();
    }
}
