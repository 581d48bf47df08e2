using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet;

/// <summary>
/// One of our graphs found in a loaded model: the chain that holds its OnnxTransformer, the index range of the stand-in
/// transformers there (the OnnxTransformer and the stock transforms after it), the graph's exact bytes, and the path to
/// that chain from the loaded root: the index of each nested chain in its parent (empty when the chain is the root).
/// A chain saved by <see cref="StockScoringChain"/> inside a pipeline loads as a nested chain of exactly the stand-ins
/// (Start 0, Count its length): replace the element at the path's last index of its parent.
/// </summary>
internal sealed record OurGraphMatch(TransformerChain<ITransformer> Chain, int Start, int Count, byte[] Onnx, IReadOnlyList<int> Path);
