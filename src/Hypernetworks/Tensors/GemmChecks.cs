namespace Hypernetworks.Tensors;

/// <summary>Shape checks shared by the GEMM entry points: each message names the operand and both shapes.</summary>
internal static class GemmChecks
{
    public static void Validate(
        bool transposeA, bool transposeB, int m, int n, int k,
        int aLength, int lda, int bLength, int ldb, int cLength, int ldc, int biasLength)
    {
        if (m < 0 || n < 0 || k < 0)
        {
            throw new ArgumentException($"GEMM sizes must be non-negative; got m={m}, n={n}, k={k}.");
        }

        (int aRows, int aCols) = transposeA ? (k, m) : (m, k);
        (int bRows, int bCols) = transposeB ? (n, k) : (k, n);
        CheckOperand("a", aRows, aCols, aLength, lda, $"op(A) must be {m}x{k}");
        CheckOperand("b", bRows, bCols, bLength, ldb, $"op(B) must be {k}x{n}");
        CheckOperand("c", m, n, cLength, ldc, $"C must be {m}x{n}");
        if (biasLength != 0 && biasLength != n)
        {
            throw new ArgumentException($"Operand 'bias' has {biasLength} elements; C is {m}x{n}, so the bias needs {n}.", "bias");
        }
    }

    private static void CheckOperand(string name, int rows, int cols, int length, int stride, string expectation)
    {
        if (stride < Math.Max(cols, 1))
        {
            throw new ArgumentException($"Operand '{name}' is stored {rows}x{cols} with row stride {stride}; the stride must be at least {cols} ({expectation}).", name);
        }

        long needed = rows == 0 || cols == 0 ? 0 : ((long)(rows - 1) * stride) + cols;
        if (length < needed)
        {
            throw new ArgumentException($"Operand '{name}' holds {length} elements; a {rows}x{cols} matrix with row stride {stride} needs {needed} ({expectation}).", name);
        }
    }
}
