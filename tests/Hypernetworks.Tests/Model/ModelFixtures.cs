using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Model;

namespace Hypernetworks.Tests.Model;

/// <summary>Tiny specs and batches shared by the model tests.</summary>
internal static class ModelFixtures
{
    public static HypernetworkSpec TinySpec(GeneratorKind kind, ConditioningEncoderKind encoder = ConditioningEncoderKind.Dense, HypernetworkTask task = HypernetworkTask.Regression, Activation activation = Activation.Tanh) => new()
    {
        ConditioningSize = encoder == ConditioningEncoderKind.Embedding ? 1 : 3,
        Encoder = encoder,
        EmbeddingCount = 4,
        EmbeddingSize = 3,
        InputSize = 4,
        TargetLayerSizes = [(4, 5), (5, 3)],
        HiddenSizes = [6],
        Activation = activation,
        GeneratorActivation = Activation.Tanh,
        Generator = kind,
        ChunkSize = 7,
        ChunkEmbeddingSize = 2,
        Rank = 2,
        Task = task,
    };

    /// <summary>rows rows whose conditioning repeats with period <paramref name="distinct"/>.</summary>
    public static (float[] Conditioning, float[] Data, float[] Labels) Batch(HypernetworkSpec spec, int rows, int distinct, ulong seed)
    {
        var random = new SeededRandom(seed);
        var conditions = new float[distinct * spec.ConditioningSize];
        for (int i = 0; i < conditions.Length; i++)
        {
            conditions[i] = spec.Encoder == ConditioningEncoderKind.Embedding ? i % spec.EmbeddingCount : random.NextGaussian();
        }

        var conditioning = new float[rows * spec.ConditioningSize];
        for (int row = 0; row < rows; row++)
        {
            conditions.AsSpan((row % distinct) * spec.ConditioningSize, spec.ConditioningSize).CopyTo(conditioning.AsSpan(row * spec.ConditioningSize));
        }

        var data = new float[rows * spec.InputSize];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = random.NextGaussian();
        }

        int outputs = spec.OutputSize;
        var labels = spec.Task switch
        {
            HypernetworkTask.MulticlassClassification => Enumerable.Range(0, rows).Select(_ => (float)random.NextInt(outputs)).ToArray(),
            HypernetworkTask.BinaryClassification => Enumerable.Range(0, rows * outputs).Select(_ => (float)random.NextInt(2)).ToArray(),
            _ => Enumerable.Range(0, rows * outputs).Select(_ => random.NextGaussian()).ToArray(),
        };
        return (conditioning, data, labels);
    }
}
