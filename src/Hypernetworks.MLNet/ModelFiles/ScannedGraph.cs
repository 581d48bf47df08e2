using Hypernetworks.MLNet.Onnx;

namespace Hypernetworks.MLNet;

/// <summary>One of our graphs read from a model archive: the entry that holds it, its exact bytes and the rebuilt model.</summary>
internal sealed record ScannedGraph(string EntryName, byte[] Onnx, LoadedHypernetworkGraph Graph);
