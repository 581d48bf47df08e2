using Hypernetworks.Layers;
using Hypernetworks.MLNet.Onnx;
using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Tests.Onnx;

/// <summary>
/// One exported-model case: a small hypernetwork of a kind, encoder and task, with every parameter drawn at random
/// (so that biases and the base are not zero), its description, and rows whose conditions repeat.
/// </summary>
public sealed class GraphCase : IDisposable
{
    public const int Rows = 12;

    private readonly bool _ownsNetwork = true;

    private GraphCase(Hypernetwork network, HypernetworkGraphDescription description, float[] conditioning, float[] features, bool ownsNetwork = true)
    {
        _ownsNetwork = ownsNetwork;
        Network = network;
        Description = description;
        Conditioning = conditioning;
        Features = features;
    }

    public Hypernetwork Network { get; }

    internal HypernetworkGraphDescription Description { get; }

    /// <summary>Raw conditioning rows as the column holds them (for a key: 1-based key values).</summary>
    public float[] Conditioning { get; }

    /// <summary>Raw feature rows.</summary>
    public float[] Features { get; }

    public HypernetworkSpec Spec => Network.Spec;

    public bool Keyed => Description.ConditioningKeyCount > 0;

    /// <summary>Every generator kind (LowRank with and without base), both encoders, all tasks, with and without standardisation.</summary>
    public static IEnumerable<object[]> All()
    {
        int i = 0;
        foreach (string kind in Kinds)
        {
            foreach (bool keyed in new[] { false, true })
            {
                foreach (HypernetworkTask task in Enum.GetValues<HypernetworkTask>())
                {
                    foreach (bool standardized in new[] { false, true })
                    {
                        yield return [kind, keyed, task, standardized, i++];
                    }
                }
            }
        }
    }

    public static readonly string[] Kinds = ["PerLayer", "SharedTrunk", "Chunked", "LowRank", "LowRankBase"];

    public static GraphCase Create(string kind, bool keyed, HypernetworkTask task, bool standardized, int seed, bool scalarFeature = false)
    {
        var random = new Random(seed);
        Activation[] activations = Enum.GetValues<Activation>();
        int features = scalarFeature ? 1 : 5;
        int outputs = task == HypernetworkTask.MulticlassClassification ? 4 : 1;
        int keys = 5;
        int conditioningSize = keyed ? 1 : 3;
        var spec = new HypernetworkSpec
        {
            ConditioningSize = conditioningSize,
            InputSize = features,
            TargetLayerSizes = [(features, 6), (6, 7), (7, outputs)],
            HiddenSizes = kind is "SharedTrunk" or "LowRank" && seed % 2 == 0 ? [] : [8, 9],
            Activation = activations[seed % activations.Length],
            GeneratorActivation = activations[(seed / 3 + 2) % activations.Length],
            Generator = kind switch
            {
                "PerLayer" => GeneratorKind.PerLayer,
                "SharedTrunk" => GeneratorKind.SharedTrunk,
                "Chunked" => GeneratorKind.Chunked,
                _ => GeneratorKind.LowRank,
            },
            Encoder = keyed ? ConditioningEncoderKind.Embedding : ConditioningEncoderKind.Dense,
            EmbeddingCount = keyed ? keys : 0,
            EmbeddingSize = 4,
            ChunkSize = 13,
            ChunkEmbeddingSize = 3,
            Rank = 2,
            LowRankBase = kind == "LowRankBase",
            Task = task,
        };
        var network = new Hypernetwork(spec, (ulong)seed);
        foreach (Hypernetworks.Tensors.Parameter p in network.Parameters)
        {
            Span<float> values = p.Value.Span;
            for (int j = 0; j < values.Length; j++)
            {
                values[j] = (float)(random.NextDouble() - 0.5);
            }
        }

        var conditioning = new float[Rows * conditioningSize];
        var data = new float[Rows * features];
        for (int r = 0; r < Rows; r++)
        {
            int condition = r % 4;
            for (int c = 0; c < conditioningSize; c++)
            {
                conditioning[(r * conditioningSize) + c] = keyed ? 1 + ((condition * 2) % keys) : (float)(condition - (0.7 * c) + 0.25);
            }

            for (int f = 0; f < features; f++)
            {
                data[(r * features) + f] = (float)((random.NextDouble() * 4) - 2);
            }
        }

        var description = new HypernetworkGraphDescription
        {
            Task = task,
            ConditioningColumnName = keyed ? "TaskKey" : "Task",
            FeatureColumnName = "Features",
            LabelColumnName = "Label",
            ConditioningSize = conditioningSize,
            ConditioningKeyCount = keyed ? keys : 0,
            FeatureSize = features,
            ClassCount = task == HypernetworkTask.MulticlassClassification ? outputs : 0,
            ConditioningMean = standardized && !keyed ? Draw(random, conditioningSize, 1f) : null,
            ConditioningScale = standardized && !keyed ? Draw(random, conditioningSize, 2f, 0.5f) : null,
            FeatureMean = standardized ? Draw(random, features, 1f) : null,
            FeatureScale = standardized ? Draw(random, features, 2f, 0.5f) : null,
            ClassNames = task == HypernetworkTask.MulticlassClassification ? ["cat", "dog", "émeu", "42"] : null,
            LabelKeyValueType = task == HypernetworkTask.MulticlassClassification ? "String" : null,
        };
        return new GraphCase(network, description, conditioning, data);
    }

    /// <summary>The engine's raw outputs [Rows, OutputSize] on the standardised rows (keys 0-based), as the ML.NET face feeds it.</summary>
    public float[] EngineOutputs(Hypernetwork? network = null)
    {
        network ??= Network;
        var output = new float[Rows * Spec.OutputSize];
        network.Forward(EngineConditioning(), EngineFeatures(), output);
        return output;
    }

    public float[] EngineConditioning()
        => Keyed ? [.. Conditioning.Select(k => k - 1)] : Standardize(Conditioning, Description.ConditioningMean, Description.ConditioningScale);

    public float[] EngineFeatures() => Standardize(Features, Description.FeatureMean, Description.FeatureScale);

    /// <summary>The same model with other conditioning rows (it does not own the model).</summary>
    public GraphCase WithConditioning(float[] conditioning) => new(Network, Description, conditioning, Features, ownsNetwork: false);

    public void Dispose()
    {
        if (_ownsNetwork)
        {
            Network.Dispose();
        }
    }

    public override string ToString() => $"{Spec.Generator}{(Spec.LowRankBase ? "+base" : "")}/{Spec.Encoder}/{Spec.Task}/{(Description.FeatureMean is null ? "raw" : "standardised")}";

    private static float[] Standardize(float[] values, float[]? mean, float[]? scale)
    {
        if (mean is null || scale is null)
        {
            return values;
        }

        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = (values[i] - mean[i % mean.Length]) * scale[i % mean.Length];
        }

        return result;
    }

    private static float[] Draw(Random random, int count, float width, float offset = 0f)
        => [.. Enumerable.Range(0, count).Select(_ => offset + (float)(random.NextDouble() * width) - (offset == 0f ? width / 2 : 0f))];
}
