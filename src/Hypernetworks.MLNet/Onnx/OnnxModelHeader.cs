namespace Hypernetworks.MLNet.Onnx;

/// <summary>The top-level fields of a ModelProto, with its graph left unparsed (a region of the bytes).</summary>
internal sealed record OnnxModelHeader(long IrVersion, IReadOnlyList<(string Domain, long Version)> OperatorSets, string ProducerName, string ProducerVersion, IReadOnlyList<KeyValuePair<string, string>> Metadata, ProtoRegion? Graph);
