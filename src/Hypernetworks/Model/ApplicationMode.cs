namespace Hypernetworks.Model;

/// <summary>How a batch's rows are matched with generated weights.</summary>
public enum ApplicationMode
{
    /// <summary>Rows whose conditioning is bitwise identical share one generated weight set: one GEMM per group per layer.</summary>
    Grouped,

    /// <summary>Every row gets its own generated weight set, even when conditionings repeat.</summary>
    PerRow,
}
