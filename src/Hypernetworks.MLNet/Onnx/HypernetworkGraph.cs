namespace Hypernetworks.MLNet.Onnx;

/// <summary>A built graph model and the names of its value initializers (weights and statistics, as opposed to constants).</summary>
internal sealed record HypernetworkGraph(OnnxModel Model, IReadOnlySet<string> ValueNames);
