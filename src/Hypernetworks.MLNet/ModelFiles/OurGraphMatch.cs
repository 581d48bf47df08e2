using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet;

/// <summary>
/// One of our graphs found in a loaded model: the chain that holds its OnnxTransformer, the index range of the stand-in
/// transformers there (the OnnxTransformer and the stock transforms after it), and the graph's exact bytes.
/// </summary>
internal sealed record OurGraphMatch(TransformerChain<ITransformer> Chain, int Start, int Count, byte[] Onnx);
