namespace Hypernetworks.MLNet.Onnx;

/// <summary>Bounds on the sizes a hypernetwork graph may declare, checked before anything is allocated.</summary>
internal static class GraphLimits
{
    /// <summary>Widest column, layer or embedding table dimension.</summary>
    public const int MaxWidth = 1 << 24;

    /// <summary>Most target layers or generator hidden layers.</summary>
    public const int MaxLayers = 1 << 10;

    /// <summary>Most floats that building the model may allocate to initialise itself before its weights are read.</summary>
    public const long MaxInitializationFloats = 1L << 28;
}
