using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Tensors;

namespace Hypernetworks.Tests.Tensors;

/// <summary>
/// One GEMM call with random operands (row strides padded past the width), its float64 reference, and the
/// check of a computed C against that reference.
/// </summary>
internal sealed class GemmCase
{
    private const int StridePadding = 3;

    public GemmCase(int m, int n, int k, bool transposeA, bool transposeB, ulong seed, bool padStrides = true)
    {
        M = m;
        N = n;
        K = k;
        TransposeA = transposeA;
        TransposeB = transposeB;
        var random = new SeededRandom(seed);
        int pad = padStrides ? StridePadding : 0;
        Lda = (transposeA ? m : k) + pad;
        Ldb = (transposeB ? k : n) + pad + 2;
        Ldc = n + pad + 1;
        A = Fill(((transposeA ? k : m) * Lda) + 1, random);
        B = Fill(((transposeB ? n : k) * Ldb) + 1, random);
        InitialC = Fill(m * Ldc, random);
        Bias = Fill(n, random);
    }

    public int M { get; }

    public int N { get; }

    public int K { get; }

    public bool TransposeA { get; }

    public bool TransposeB { get; }

    public int Lda { get; }

    public int Ldb { get; }

    public int Ldc { get; }

    public float[] A { get; }

    public float[] B { get; }

    public float[] InitialC { get; }

    public float[] Bias { get; }

    public override string ToString() => $"{M}x{N}x{K} {(TransposeA ? 'T' : 'N')}{(TransposeB ? 'T' : 'N')}";

    /// <summary>Runs the GEMM on a copy of the initial C (NaN-filled when β = 0) and returns C.</summary>
    public float[] Run(float alpha, float beta, bool withBias = false, Activation activation = Activation.Identity)
    {
        float[] c = beta == 0f ? Enumerable.Repeat(float.NaN, InitialC.Length).ToArray() : (float[])InitialC.Clone();
        Gemm.Multiply(
            TransposeA, TransposeB, M, N, K, alpha, A, Lda, B, Ldb, beta, c, Ldc,
            withBias ? Bias : ReadOnlySpan<float>.Empty, activation);
        return c;
    }

    /// <summary>Checks <paramref name="c"/> against f(α·op(A)·op(B) + β·C + bias) computed in float64.</summary>
    public void AssertMatches(float[] c, float alpha, float beta, bool withBias = false, Activation activation = Activation.Identity)
    {
        var expected = new float[N];
        var tolerance = new double[N];
        for (int i = 0; i < M; i++)
        {
            for (int j = 0; j < N; j++)
            {
                double sum = 0;
                double magnitude = 0;
                for (int p = 0; p < K; p++)
                {
                    double product = (double)AAt(i, p) * BAt(p, j);
                    sum += product;
                    magnitude += Math.Abs(product);
                }

                double value = alpha * sum;
                magnitude *= Math.Abs(alpha);
                if (beta != 0f)
                {
                    value += beta * (double)InitialC[(i * Ldc) + j];
                    magnitude += Math.Abs(beta * (double)InitialC[(i * Ldc) + j]);
                }

                if (withBias)
                {
                    value += Bias[j];
                    magnitude += Math.Abs(Bias[j]);
                }

                expected[j] = (float)value;
                // Float32 accumulation over k terms errs by at most about k·2⁻²⁴ of the sum of magnitudes; the
                // relative term covers the rounding of the activation, whose slope is at most about 1.2.
                tolerance[j] = 1.2 * (1e-6 + (1e-6 * Math.Abs(value)) + (1.2e-7 * (K + 4) * magnitude));
            }

            ActivationFunctions.Forward(activation, expected, expected);
            for (int j = 0; j < N; j++)
            {
                float actual = c[(i * Ldc) + j];
                if (!(Math.Abs(actual - expected[j]) <= tolerance[j]))
                {
                    Assert.Fail($"{this}: C[{i},{j}] = {actual}, expected {expected[j]} ± {tolerance[j]:G3} (α={alpha}, β={beta}, bias={withBias}, {activation}).");
                }
            }

            AssertPaddingUntouched(c, i, beta);
        }
    }

    private void AssertPaddingUntouched(float[] c, int row, float beta)
    {
        for (int j = N; j < Ldc && (row * Ldc) + j < c.Length; j++)
        {
            float before = beta == 0f ? float.NaN : InitialC[(row * Ldc) + j];
            float after = c[(row * Ldc) + j];
            if (!(float.IsNaN(before) ? float.IsNaN(after) : before == after))
            {
                Assert.Fail($"{this}: C[{row},{j}] lies past the {N} columns but was overwritten.");
            }
        }
    }

    private float AAt(int i, int p) => TransposeA ? A[(p * Lda) + i] : A[(i * Lda) + p];

    private float BAt(int p, int j) => TransposeB ? B[(j * Ldb) + p] : B[(p * Ldb) + j];

    private static float[] Fill(int length, SeededRandom random)
    {
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.NextFloat(-1f, 1f);
        }

        return values;
    }
}
