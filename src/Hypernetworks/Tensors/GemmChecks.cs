namespace Hypernetworks.Tensors;

/// <summary>
/// Shape checks shared by the GEMM entry points: each message names the operand, its stored shape and the shapes
/// of the whole product. Messages are built only on failure, so a valid call allocates nothing.
/// </summary>
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
        CheckOperand("a", aRows, aCols, aLength, lda, m, n, k);
        CheckOperand("b", bRows, bCols, bLength, ldb, m, n, k);
        CheckOperand("c", m, n, cLength, ldc, m, n, k);
        if (biasLength != 0 && biasLength != n)
        {
            throw new ArgumentException($"Operand 'bias' has {biasLength} elements; C is {m}x{n}, so the bias needs {n}.", "bias");
        }
    }

    private static void CheckOperand(string name, int rows, int cols, int length, int stride, int m, int n, int k)
    {
        if (stride < Math.Max(cols, 1))
        {
            throw new ArgumentException($"Operand '{name}' is stored {rows}x{cols} with row stride {stride}; the stride must be at least {cols} ({Product(m, n, k)}).", name);
        }

        long needed = rows == 0 || cols == 0 ? 0 : ((long)(rows - 1) * stride) + cols;
        if (length < needed)
        {
            throw new ArgumentException($"Operand '{name}' holds {length} elements; a {rows}x{cols} matrix with row stride {stride} needs {needed} ({Product(m, n, k)}).", name);
        }
    }

    private static string Product(int m, int n, int k) => $"op(A) {m}x{k} times op(B) {k}x{n} gives C {m}x{n}";
}
