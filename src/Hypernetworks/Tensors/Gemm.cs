using Hypernetworks.Layers;

namespace Hypernetworks.Tensors;

/// <summary>
/// General matrix multiply over row-major float32 spans: C = α·op(A)·op(B) + β·C, where op(X) is X or Xᵀ.
/// </summary>
public static class Gemm
{
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
        for (int i = 0; i < m; i++)
        {
            Span<float> row = c.Slice(i * ldc, n);
            for (int j = 0; j < n; j++)
            {
                float sum = 0f;
                for (int p = 0; p < k; p++)
                {
                    float av = transposeA ? a[(p * lda) + i] : a[(i * lda) + p];
                    float bv = transposeB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    sum += av * bv;
                }

                float v = alpha * sum;
                if (beta != 0f)
                {
                    v += beta * row[j];
                }

                if (!bias.IsEmpty)
                {
                    v += bias[j];
                }

                row[j] = v;
            }

            if (activation != Activation.Identity)
            {
                ActivationFunctions.Forward(activation, row, row);
            }
        }
    }
}
