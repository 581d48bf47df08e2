namespace Hypernetworks.MLNet.Onnx;

/// <summary>A model (ModelProto): IR version, operator sets, producer, the graph and metadata_props.</summary>
internal sealed record OnnxModel(long IrVersion, IReadOnlyList<(string Domain, long Version)> OperatorSets, string ProducerName, string ProducerVersion, OnnxGraph Graph, IReadOnlyList<KeyValuePair<string, string>> Metadata)
{
    /// <summary>The IR version written (that of ONNX 1.12, which opset 17 belongs to).</summary>
    public const long WrittenIrVersion = 8;

    /// <summary>The default-domain operator set written.</summary>
    public const long WrittenOpset = 17;

    /// <summary>The ai.onnx.ml operator set written (for the LabelEncoder that carries slot names).</summary>
    public const long WrittenMlOpset = 2;

    /// <summary>The ai.onnx.ml domain name.</summary>
    public const string MlDomain = "ai.onnx.ml";
}
