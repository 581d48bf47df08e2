using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Onnx;

/// <summary>A hypernetwork rebuilt from one of our graphs, with every parameter set, and the graph's column description.</summary>
internal sealed record LoadedHypernetworkGraph(Hypernetwork Network, HypernetworkGraphDescription Description);
