using Microsoft.ML.Data;

namespace Hypernetworks.Samples;

/// <summary>
/// One image of Split Fashion-MNIST: its task (classes 2t and 2t + 1), its pixels and which of the two classes it is.
/// ML.NET's LoadFromEnumerable reads a [KeyType] uint v as key v + 1, so task 0 is key 1.
/// </summary>
public sealed class SplitFashionRow
{
    /// <summary>The task, 0 to 4.</summary>
    [KeyType(SplitFashionData.Tasks)]
    public uint Task { get; set; }

    /// <summary>The 28 x 28 pixels in [0, 1].</summary>
    [VectorType(SplitFashionData.Pixels)]
    public float[] Features { get; set; } = [];

    /// <summary>0 for the task's first class, 1 for its second.</summary>
    [KeyType(2)]
    public uint Label { get; set; }
}
