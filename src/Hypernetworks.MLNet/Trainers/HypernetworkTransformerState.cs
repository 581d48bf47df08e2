namespace Hypernetworks.MLNet.Trainers;

/// <summary>
/// The options a <see cref="HypernetworkTransformer"/> saves in a model file (enums as their numbers, target layers
/// as a flat list of in/out pairs): its columns and task, the hypernetwork's spec, and its parameters' names in order.
/// </summary>
internal sealed class HypernetworkTransformerState
{
    public int Task { get; init; }

    public string ConditioningColumnName { get; init; } = string.Empty;

    public string FeatureColumnName { get; init; } = string.Empty;

    public string LabelColumnName { get; init; } = string.Empty;

    public int ConditioningSize { get; init; }

    public ulong ConditioningKeyCount { get; init; }

    public int FeatureSize { get; init; }

    public int ClassCount { get; init; }

    public int[] HiddenSizes { get; init; } = [];

    public int[] TargetLayerSizes { get; init; } = [];

    public int Activation { get; init; }

    public int GeneratorActivation { get; init; }

    public int Generator { get; init; }

    public int Encoder { get; init; }

    public int EmbeddingCount { get; init; }

    public int EmbeddingSize { get; init; }

    public int ChunkSize { get; init; }

    public int ChunkEmbeddingSize { get; init; }

    public int Rank { get; init; }

    public bool LowRankBase { get; init; }

    public int Initialization { get; init; }

    public long MaxGeneratedFloats { get; init; }

    public string[] ParameterNames { get; init; } = [];

    public string? LabelKeyValueType { get; init; }
}
