using Microsoft.ML.Data;

namespace Hypernetworks.Samples;

/// <summary>One row of the sinusoid task family: the task descriptor, the input x and the label y = A·sin(x + φ).</summary>
public sealed class TaskRow
{
    /// <summary>The task descriptor: amplitude A, cos φ and sin φ.</summary>
    [LoadColumn(0, 2)]
    [VectorType(3)]
    public float[] Task { get; set; } = [];

    /// <summary>The input x.</summary>
    [LoadColumn(3)]
    public float Features { get; set; }

    /// <summary>The target y.</summary>
    [LoadColumn(4)]
    public float Label { get; set; }
}

/// <summary>The regression output.</summary>
public sealed class TaskPrediction
{
    /// <summary>The predicted y.</summary>
    public float Score { get; set; }
}
