using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hypernetworks.Layers;
using Hypernetworks.Model;
using Hypernetworks.Model.Continual;
using Hypernetworks.Model.Training;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// Split Fashion-MNIST (5 tasks of 2 classes) learned one task after another by a chunked hypernetwork with task
/// embeddings, target 784 → 64 → 2; each task's test accuracy right after it was learned and after the last task.
/// </summary>
internal sealed class ContinualSuite : IBenchmarkSuite
{
    public string Name => "continual";

    public string Description => $"Split Fashion-MNIST, 5 two-class tasks in sequence: --beta B (default {ContinualOptions.DefaultRegularization.ToString(CultureInfo.InvariantCulture)}) --variant stored|frozen (default stored) --epochs N per task (default 10) --chunk N generated parameters per chunk (default 4096) --seed N (default 0)";

    public void Run(BenchmarkOptions options)
    {
        if (!FashionMnist.IsInstalled)
        {
            Console.Error.WriteLine($"continual: Fashion-MNIST not found in {FashionMnist.Directory}; install it with: apt-get install -y dataset-fashion-mnist");
            Environment.Exit(1);
        }

        string betaText = options.GetString("beta", ContinualOptions.DefaultRegularization.ToString(CultureInfo.InvariantCulture));
        if (!float.TryParse(betaText, NumberStyles.Float, CultureInfo.InvariantCulture, out float beta))
        {
            throw new ArgumentException($"Option --beta is '{betaText}'; expected a number.", nameof(options));
        }

        string variant = options.GetString("variant", "stored");
        ContinualTargets targets = variant switch
        {
            "stored" => ContinualTargets.Stored,
            "frozen" => ContinualTargets.FrozenCopy,
            _ => throw new ArgumentException($"Option --variant is '{variant}'; expected stored or frozen.", nameof(options)),
        };
        int seed = options.GetInt("seed", 0);
        var continualOptions = new ContinualOptions { Regularization = beta, Targets = targets };
        var training = new TrainingOptions { Epochs = options.GetInt("epochs", 10), BatchSize = 128, LearningRate = 1e-3f, Seed = (ulong)seed };

        (float[] Images, byte[] Labels) trainSplit = FashionMnist.Load(test: false);
        (float[] Images, byte[] Labels) testSplit = FashionMnist.Load(test: true);
        var spec = new HypernetworkSpec
        {
            ConditioningSize = 1, Encoder = ConditioningEncoderKind.Embedding, EmbeddingCount = 1, EmbeddingSize = 32,
            InputSize = FashionMnist.Pixels, TargetLayerSizes = [(FashionMnist.Pixels, 64), (64, 2)], HiddenSizes = [100, 100],
            Activation = Activation.Relu, Generator = GeneratorKind.Chunked, ChunkSize = options.GetInt("chunk", 4096), ChunkEmbeddingSize = 32,
            Task = HypernetworkTask.MulticlassClassification,
        };
        using var continual = new ContinualHypernetwork(new Hypernetwork(spec, (ulong)seed));
        TrainingSet[] tests = [.. Enumerable.Range(0, SplitFashionMnist.Tasks).Select(t => SplitFashionMnist.Task(testSplit, t))];
        var justLearned = new double[SplitFashionMnist.Tasks];
        double trainSeconds = 0;
        for (int task = 0; task < SplitFashionMnist.Tasks; task++)
        {
            TrainingSet rows = SplitFashionMnist.Task(trainSplit, task);
            long start = Stopwatch.GetTimestamp();
            continual.Learn(rows, training, continualOptions);
            trainSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
            justLearned[task] = Accuracy(continual.Network, tests[task]);
        }

        double[] final = [.. tests.Select(t => Accuracy(continual.Network, t))];
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["suite"] = Name,
            ["beta"] = beta,
            ["variant"] = variant,
            ["just_learned"] = justLearned.Select(a => Math.Round(a, 4)).ToArray(),
            ["final"] = final.Select(a => Math.Round(a, 4)).ToArray(),
            ["final_mean_accuracy"] = Math.Round(final.Average(), 4),
            ["hypernetwork_parameters"] = continual.Network.ParameterCount,
            ["target_parameters"] = continual.Network.GeneratedParameterCount,
            ["train_s"] = Math.Round(trainSeconds, 1),
        }));
    }

    private static double Accuracy(Hypernetwork network, TrainingSet set)
    {
        var scores = new float[set.Rows * 2];
        network.Forward(set.Conditioning, set.Data, scores);
        int correct = 0;
        for (int row = 0; row < set.Rows; row++)
        {
            int predicted = scores[(2 * row) + 1] > scores[2 * row] ? 1 : 0;
            correct += predicted == (int)set.Labels[row] ? 1 : 0;
        }

        return correct / (double)set.Rows;
    }
}
