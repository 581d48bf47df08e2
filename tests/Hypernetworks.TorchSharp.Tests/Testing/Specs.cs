using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Model;
using Hypernetworks.Model.Training;

namespace Hypernetworks.TorchSharp.Tests.Testing;

/// <summary>Small specs and batches for comparing the engines.</summary>
internal static class Specs
{
    /// <summary>Every generator variant: the four kinds and low rank with a learned base.</summary>
    public static readonly (GeneratorKind Kind, bool LowRankBase)[] Generators =
    [
        (GeneratorKind.PerLayer, false), (GeneratorKind.SharedTrunk, false), (GeneratorKind.Chunked, false),
        (GeneratorKind.LowRank, false), (GeneratorKind.LowRank, true),
    ];

    public static HypernetworkSpec Tiny(
        GeneratorKind kind,
        bool lowRankBase = false,
        ConditioningEncoderKind encoder = ConditioningEncoderKind.Dense,
        HypernetworkTask task = HypernetworkTask.Regression,
        Activation activation = Activation.Tanh,
        Activation generatorActivation = Activation.Relu,
        InitializationScheme initialization = InitializationScheme.HyperfanIn) => new()
    {
        ConditioningSize = encoder == ConditioningEncoderKind.Embedding ? 1 : 3,
        Encoder = encoder,
        EmbeddingCount = 5,
        EmbeddingSize = 4,
        InputSize = 6,
        TargetLayerSizes = [(6, 8), (8, 4)],
        HiddenSizes = [10, 9],
        Activation = activation,
        GeneratorActivation = generatorActivation,
        Generator = kind,
        LowRankBase = lowRankBase,
        ChunkSize = 13,
        ChunkEmbeddingSize = 3,
        Rank = 3,
        Task = task,
        Initialization = initialization,
        NormalizeTrunkOutput = kind == GeneratorKind.Chunked,
        SharedWeightFraction = kind is GeneratorKind.SharedTrunk or GeneratorKind.PerLayer ? 0.5f : 0f,
    };

    /// <summary>
    /// <paramref name="rows"/> rows; row r has condition <paramref name="groupOf"/>(r) (conditions drawn per group, keys for
    /// the Embedding encoder), random data and labels valid for the task.
    /// </summary>
    public static TrainingSet Batch(HypernetworkSpec spec, int rows, Func<int, int> groupOf, ulong seed)
    {
        var random = new SeededRandom(seed);
        int c = spec.ConditioningSize, labelWidth = spec.Task == HypernetworkTask.MulticlassClassification ? 1 : spec.OutputSize;
        var conditions = new Dictionary<int, float[]>();
        var conditioning = new float[rows * c];
        var data = new float[rows * spec.InputSize];
        var labels = new float[rows * labelWidth];
        for (int r = 0; r < rows; r++)
        {
            int g = groupOf(r);
            if (!conditions.TryGetValue(g, out float[]? condition))
            {
                condition = spec.Encoder == ConditioningEncoderKind.Embedding
                    ? [g % spec.EmbeddingCount]
                    : [.. Enumerable.Range(0, c).Select(_ => random.NextGaussian())];
                conditions[g] = condition;
            }

            condition.CopyTo(conditioning, r * c);
        }

        for (int i = 0; i < data.Length; i++)
        {
            data[i] = random.NextGaussian();
        }

        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = spec.Task switch
            {
                HypernetworkTask.MulticlassClassification => random.NextInt(spec.OutputSize),
                HypernetworkTask.BinaryClassification => random.NextInt(2),
                _ => random.NextGaussian(),
            };
        }

        return new TrainingSet(conditioning, data, labels, rows);
    }

    /// <summary>Three groups of different sizes, interleaved: row r belongs to group (r·r + r) mod 5.</summary>
    public static int Uneven(int row) => ((row * row) + row) % 5;
}
