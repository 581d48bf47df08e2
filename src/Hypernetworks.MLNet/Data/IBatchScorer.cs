namespace Hypernetworks.MLNet.Data;

/// <summary>
/// Computes output columns for a batch of rows at once (e.g. one GEMM per batch instead of one per row). One
/// scorer serves one cursor, so it may keep scratch buffers; it is not shared between threads.
/// </summary>
public interface IBatchScorer
{
    /// <summary>
    /// Writes the outputs of the <see cref="RowBatchReader.RowCount"/> rows of <paramref name="inputs"/>:
    /// <paramref name="outputs"/>[j] holds, row-major, the floats of output column j (1 per row for a scalar, n for a
    /// vector of n; 1/0 for a boolean; the key value for a key).
    /// </summary>
    /// <param name="inputs">The current batch of the input columns.</param>
    /// <param name="outputs">One buffer per output column, at least batch size × width floats each.</param>
    void Score(RowBatchReader inputs, IReadOnlyList<float[]> outputs);
}
