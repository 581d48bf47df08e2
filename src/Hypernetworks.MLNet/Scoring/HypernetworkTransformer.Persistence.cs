using Microsoft.ML;

namespace Hypernetworks.MLNet;

public sealed partial class HypernetworkTransformer
{
    /// <summary>Saves this transformer as stock ML.NET components (see the class remarks).</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => throw new NotSupportedException("Saving is being ported onto ONNX.");
}
