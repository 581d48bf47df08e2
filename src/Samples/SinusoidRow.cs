using Microsoft.ML.Data;

namespace Hypernetworks.Samples;

/// <summary>One row of the sinusoid task family held in memory: the task descriptor (A, cos φ, sin φ), x and y = A·sin(x + φ).</summary>
public sealed class SinusoidRow
{
    /// <summary>The task descriptor: amplitude A, cos φ and sin φ.</summary>
    [VectorType(3)]
    public float[] Task { get; set; } = [];

    /// <summary>The input x.</summary>
    public float Features { get; set; }

    /// <summary>The target y.</summary>
    public float Label { get; set; }
}
