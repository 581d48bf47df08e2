using Hypernetworks.Layers;

namespace Hypernetworks.Tensors;

/// <summary>
/// General matrix multiply over row-major float32 spans: C = α·op(A)·op(B) + β·C, where op(X) is X or Xᵀ.
/// </summary>
/// <remarks>
/// Large shapes run a BLIS-style packed, cache-blocked path with a register-blocked micro-kernel (Vector512, else
/// Vector256, else Vector128, else scalar); small, cache-resident shapes run a direct path that packs little or
/// nothing. Work above about 20 µs is split over <see cref="Engine.MaxThreads"/> threads by fixed ranges of C, each
/// element computed by exactly the same operations whatever the thread count, so results are bitwise
/// reproducible. A steady stream of calls allocates nothing: packing buffers are kept per thread.
/// </remarks>
public static unsafe class Gemm
{
    private static readonly Activation[] s_activations = Enum.GetValues<Activation>();

    // Per thread, so that a test forcing a path does not change the calls of tests running beside it.
    [ThreadStatic]
    private static GemmPath t_forcedPath;

    /// <summary>
    /// Forces one implementation for calls made on the current thread (tests and benchmarks);
    /// <see cref="GemmPath.Auto"/>, the default, chooses by hardware and shape.
    /// </summary>
    internal static GemmPath ForcedPath
    {
        get => t_forcedPath;
        set => t_forcedPath = value;
    }

    /// <summary>
    /// C[m×n] = α·op(A)[m×k]·op(B)[k×n] + β·C. A is m×k (k×m when transposed) with row stride
    /// <paramref name="lda"/>; likewise B and C. With β = 0, C is not read (NaNs in it do not propagate).
    /// </summary>
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
        => Multiply(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, default, Activation.Identity);

    /// <summary>
    /// C = f(α·op(A)·op(B) + β·C + bias), the bias (length n, or empty for none) added to every row and the
    /// activation f applied in the same pass.
    /// </summary>
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        ReadOnlySpan<float> bias, Activation activation)
    {
        GemmChecks.Validate(transposeA, transposeB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc, bias.Length);
        if (Array.IndexOf(s_activations, activation) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        }

        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        fixed (float* pbias = bias)
        {
            var problem = new GemmProblem(
                transposeA, transposeB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, bias.IsEmpty ? null : pbias, activation);
            if (k == 0 || alpha == 0f)
            {
                // As in BLAS, A and B are not read when the product does not count.
                GemmDispatch.ScaleOnly(problem);
            }
            else
            {
                GemmDispatch.Run(problem);
            }
        }
    }

    /// <summary>
    /// C = f(α·op(A)·op(B) + β·C + bias) over matrix views: the sizes come from the views, m×n from
    /// <paramref name="c"/> and k from op(A).
    /// </summary>
    /// <exception cref="ArgumentException">op(A), op(B) and C do not chain; the message names the operand and both shapes.</exception>
    public static void Multiply(
        MatrixView a, bool transposeA, MatrixView b, bool transposeB, MatrixView c, float alpha = 1f, float beta = 0f,
        ReadOnlySpan<float> bias = default, Activation activation = Activation.Identity)
    {
        int m = c.Rows;
        int n = c.Columns;
        (int aRows, int aColumns) = transposeA ? (a.Columns, a.Rows) : (a.Rows, a.Columns);
        (int bRows, int bColumns) = transposeB ? (b.Columns, b.Rows) : (b.Rows, b.Columns);
        if (aRows != m)
        {
            throw new ArgumentException($"Operand 'a': op(A) is {aRows}x{aColumns} but C is {m}x{n}; op(A) needs {m} rows.", nameof(a));
        }

        if (bRows != aColumns || bColumns != n)
        {
            throw new ArgumentException($"Operand 'b': op(B) is {bRows}x{bColumns} but op(A) is {aRows}x{aColumns} and C is {m}x{n}; op(B) must be {aColumns}x{n}.", nameof(b));
        }

        Multiply(transposeA, transposeB, m, n, aColumns, alpha, a.Span, a.Stride, b.Span, b.Stride, beta, c.Span, c.Stride, bias, activation);
    }
}
