namespace Hypernetworks.MLNet.Onnx;

/// <summary>The metadata_props keys and values that mark a graph as written by this library, and its output names.</summary>
internal static class HypernetworkGraphMetadata
{
    /// <summary>The key whose value says which kind of graph of ours this is.</summary>
    public const string MarkKey = "hypernetworks.mlnet.graph";

    /// <summary>The mark of a whole conditional network.</summary>
    public const string HypernetworkMark = "hypernetwork";

    /// <summary>The mark of one materialised target network.</summary>
    public const string TargetNetworkMark = "target-network";

    /// <summary>The key of the format version.</summary>
    public const string VersionKey = "hypernetworks.mlnet.format_version";

    /// <summary>The format version written and read.</summary>
    public const int FormatVersion = 1;

    /// <summary>The key of the spec (JSON).</summary>
    public const string SpecKey = "hypernetworks.mlnet.spec";

    /// <summary>The key of the column description (JSON).</summary>
    public const string DescriptionKey = "hypernetworks.mlnet.columns";

    /// <summary>The key of the SHA-256 (hex) of every value initializer's raw data, in graph order.</summary>
    public const string ChecksumKey = "hypernetworks.mlnet.sha256";

    /// <summary>The producer name written.</summary>
    public const string ProducerName = "Hypernetworks.MLNet";

    /// <summary>The raw score output: [N, outputs] (regression values, binary logits).</summary>
    public const string ScoreOutput = "HypernetworkScore";

    /// <summary>The binary probability output, sigmoid of the score: [N, outputs].</summary>
    public const string ProbabilityOutput = "HypernetworkProbability";

    /// <summary>The binary predicted label output, score &gt; 0: bool [N, outputs].</summary>
    public const string PredictedLabelOutput = "HypernetworkPredictedLabel";

    /// <summary>The multiclass predicted class, the 0-based index of the largest probability, as a float: [N, 1].</summary>
    public const string PredictedIndexOutput = "HypernetworkPredictedIndex";

    /// <summary>The materialised target network's output: [N, outputs].</summary>
    public const string TargetOutput = "TargetOutput";
}
