using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hypernetworks.Layers;
using Hypernetworks.MLNet;
using Hypernetworks.Model;
using Hypernetworks.Model.FewShot;
using Hypernetworks.Model.Training;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// Few-shot on classes never seen in meta-training: Fashion-MNIST meta-trains on classes 0, 1, 4, 5, 9 (T-shirt,
/// trouser, coat, sandal, ankle boot; by default each also rotated by 90°, 180°, 270° and mirrored, 40 classes in all) from the train split and
/// meta-tests on 2, 3, 6, 7, 8 (pullover, dress, shirt, sneaker, bag) from the test split, 5-way K-shot with 15
/// queries per class over 600 test episodes. Each novel class has a relative in meta-training (tops, footwear), so
/// features can carry over. The same 600 episodes are also classified by the nearest class prototype in pixel
/// space, the floor any learned method must clear.
/// </summary>
internal sealed class FewShotNovelSuite : IBenchmarkSuite
{
    private const int Ways = 5;
    private const int Queries = 15;
    private const int TestEpisodes = 600;
    private const int Pixels = FashionMnist.Pixels;
    private static readonly int[] MetaTrainClasses = [0, 1, 4, 5, 9];
    private static readonly int[] MetaTestClasses = [2, 3, 6, 7, 8];

    public string Name => "fewshot-novel";

    public string Description => "5-way K-shot on Fashion-MNIST classes never seen in meta-training, 600 test episodes, beside nearest-prototype in pixel space: --shots K --encoder prototypes|deepsets|mean --iters N (default 2000) --hidden W,W (generator hidden sizes; default none for deepsets, 128,128 for the others) --lr R (default 1e-5 on the DeepSets prototype path, else 1e-4) --wd D (Adam L2 weight decay; default 0) --target-hidden H (0, the default, for a linear target 784-5) --shared F (SharedWeightFraction; default 0) --set-hidden W,W (DeepSets φ; default 256,128) --set-embedding E (DeepSets ρ width per class; default 32) --augment rotations|flips|both|none (default both) --metric S (DeepSets prototype path's metric shrinkage; default the trainer's, 0 turns the path off) --untrained yes (also print the prototype path's accuracy before meta-training, as encoder deepsets-untrained) --seed N";

    public void Run(BenchmarkOptions options)
    {
        if (!FashionMnist.IsInstalled)
        {
            Console.Error.WriteLine($"fewshot-novel: Fashion-MNIST not found in {FashionMnist.Directory}; install it with: apt-get install -y dataset-fashion-mnist");
            Environment.Exit(1);
        }

        int shots = options.GetInt("shots", 1);
        int iters = options.GetInt("iters", 2000);
        int seed = options.GetInt("seed", 0);
        string encoderName = options.GetString("encoder", "deepsets");
        ConditioningEncoderKind encoder = encoderName switch
        {
            "deepsets" => ConditioningEncoderKind.DeepSets,
            "prototypes" => ConditioningEncoderKind.Prototypes,
            "mean" => ConditioningEncoderKind.SupportMean,
            _ => throw new ArgumentException($"Option --encoder is '{encoderName}'; expected prototypes, deepsets or mean.", nameof(options)),
        };
        ImageAugmentations augment = options.GetString("augment", "both") switch
        {
            "rotations" => ImageAugmentations.Rotations,
            "flips" => ImageAugmentations.Flips,
            "both" => ImageAugmentations.Rotations | ImageAugmentations.Flips,
            "none" => ImageAugmentations.None,
            string other => throw new ArgumentException($"Option --augment is '{other}'; expected rotations, flips, both or none.", nameof(options)),
        };
        // As the ML.NET trainer: linear heads read DeepSets' small z; a trunk sits before heads whose z holds whole examples.
        IReadOnlyList<int> defaultHidden = encoder == ConditioningEncoderKind.DeepSets ? FewShotHypernetworkTrainer.Defaults.DeepSetsHiddenSizes : FewShotHypernetworkTrainer.Defaults.ExampleHiddenSizes;
        string hidden = options.GetString("hidden", string.Join(',', defaultHidden));
        int targetHidden = options.GetInt("target-hidden", 0);
        // As the ML.NET trainer: DeepSets with a linear target takes the prototype path, which fine-tunes a metric classifier, at a smaller rate.
        float shrinkage = encoder == ConditioningEncoderKind.DeepSets && targetHidden == 0 ? float.Parse(options.GetString("metric", FewShotHypernetworkTrainer.Defaults.MetricShrinkage.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture) : 0f;
        float defaultRate = shrinkage > 0 ? FewShotHypernetworkTrainer.Defaults.PrototypePathLearningRate : FewShotHypernetworkTrainer.Defaults.LearningRate;
        float learningRate = float.Parse(options.GetString("lr", defaultRate.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        float weightDecay = float.Parse(options.GetString("wd", "0"), CultureInfo.InvariantCulture);
        float sharedFraction = float.Parse(options.GetString("shared", "0"), CultureInfo.InvariantCulture);
        string setHidden = options.GetString("set-hidden", string.Join(',', HypernetworkSpec.DefaultSetHiddenSizes));
        int setEmbedding = options.GetInt("set-embedding", HypernetworkSpec.DefaultSetEmbeddingSize);

        (float[] trainImages, byte[] trainLabels) = FashionMnist.Load(test: false);
        (float[] testImages, byte[] testLabels) = FashionMnist.Load(test: true);
        var trainEpisodes = new EpisodeOptions
        {
            Ways = Ways, Shots = shots, Queries = Queries, EpisodesPerBatch = 4, BatchesPerEpoch = Math.Min(iters, 100),
            Augmentations = augment, ImageWidth = 28, Seed = 2 * (ulong)seed,
        };
        int[] trainRowClasses = [.. trainLabels.Select(l => (int)l)];
        var train = new EpisodeSampler(trainImages, Pixels, trainRowClasses, MetaTrainClasses, trainEpisodes);
        var test = new EpisodeEvaluator(new EpisodeSampler(testImages, Pixels, [.. testLabels.Select(l => (int)l)], MetaTestClasses, new EpisodeOptions { Ways = Ways, Shots = shots, Queries = Queries, Seed = 1 }), TestEpisodes);

        var spec = new HypernetworkSpec
        {
            ConditioningSize = Ways * shots * Pixels, InputSize = Pixels, TargetLayerSizes = targetHidden == 0 ? [(Pixels, Ways)] : [(Pixels, targetHidden), (targetHidden, Ways)],
            HiddenSizes = hidden.Length == 0 ? [] : [.. hidden.Split(',').Select(int.Parse)], Activation = Activation.Relu,
            Generator = GeneratorKind.SharedTrunk, Task = HypernetworkTask.MulticlassClassification, Encoder = encoder, Ways = Ways, Shots = shots,
            SharedWeightFraction = sharedFraction, SetHiddenSizes = [.. setHidden.Split(',').Select(int.Parse)], SetEmbeddingSize = setEmbedding,
            SetMetricShrinkage = shrinkage,
        };
        using var net = new Hypernetwork(spec, (ulong)seed);
        long start = Stopwatch.GetTimestamp();
        if (spec.HasPrototypePath)
        {
            // Fitted to the meta-training classes' own rows (not their rotations), as the trainer does.
            int[] metaTrainRows = [.. Enumerable.Range(0, trainLabels.Length).Where(r => MetaTrainClasses.Contains(trainLabels[r]))];
            var rows = new float[metaTrainRows.Length * Pixels];
            for (int i = 0; i < metaTrainRows.Length; i++)
            {
                trainImages.AsSpan(metaTrainRows[i] * Pixels, Pixels).CopyTo(rows.AsSpan(i * Pixels, Pixels));
            }

            net.FitSetMetric(rows, [.. metaTrainRows.Select(r => trainRowClasses[r])]);
            if (options.GetString("untrained", "no") == "yes")
            {
                Print(shots, $"{encoderName}-untrained", test.Accuracies(net), Stopwatch.GetElapsedTime(start).TotalSeconds);
            }
        }

        var loop = new TrainingLoop(new TrainingOptions { Epochs = Math.Max(1, iters / trainEpisodes.BatchesPerEpoch), BatchSize = trainEpisodes.BatchRows, LearningRate = learningRate, WeightDecay = weightDecay, Seed = (ulong)seed });
        loop.Fit(net, train, progress: new StderrProgress(Name));
        double trainSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;

        Print(shots, encoderName, test.Accuracies(net), trainSeconds);
        Print(shots, "pixel-prototype", PixelPrototypeAccuracies(test, shots), 0);
    }

    /// <summary>Nearest class prototype in pixel space on each of the evaluator's episodes.</summary>
    private static double[] PixelPrototypeAccuracies(EpisodeEvaluator test, int shots)
    {
        var accuracies = new double[test.Episodes.Count];
        var support = new float[Ways * shots * Pixels];
        var prototypes = new float[Ways * Pixels];
        var query = new float[Pixels];
        for (int e = 0; e < accuracies.Length; e++)
        {
            Episode episode = test.Episodes[e];
            for (int s = 0; s < episode.Support.Length; s++)
            {
                test.Sampler.CopyExample(episode.Support[s], episode.Classes[s / shots], support.AsSpan(s * Pixels, Pixels));
            }

            NearestPrototype.Means(support, shots, Pixels, prototypes);
            int correct = 0;
            for (int q = 0; q < episode.Queries.Length; q++)
            {
                test.Sampler.CopyExample(episode.Queries[q], episode.Classes[q / Queries], query);
                correct += NearestPrototype.Classify(prototypes, query) == q / Queries ? 1 : 0;
            }

            accuracies[e] = (double)correct / episode.Queries.Length;
        }

        return accuracies;
    }

    private void Print(int shots, string encoder, double[] accuracies, double trainSeconds)
    {
        double mean = accuracies.Average();
        double std = Math.Sqrt(accuracies.Select(a => (a - mean) * (a - mean)).Average());
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            suite = Name,
            shots,
            encoder,
            accuracy = Math.Round(mean, 4),
            ci95 = Math.Round(1.96 * std / Math.Sqrt(accuracies.Length), 4),
            train_s = Math.Round(trainSeconds, 1),
        }));
    }

    private sealed class StderrProgress(string suite) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => Console.Error.WriteLine($"{suite}: step {value.Step}, loss {value.Loss:F4}");
    }
}
