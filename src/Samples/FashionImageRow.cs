using Microsoft.ML.Data;

namespace Hypernetworks.Samples;

/// <summary>A Fashion-MNIST image with its class name.</summary>
public sealed class FashionImageRow
{
    /// <summary>The class name ("Pullover", ...).</summary>
    public string Class { get; set; } = string.Empty;

    /// <summary>The 28 × 28 pixels in [0, 1], row by row.</summary>
    [VectorType(784)]
    public float[] Features { get; set; } = [];
}
