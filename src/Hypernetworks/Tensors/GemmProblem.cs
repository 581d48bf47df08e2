using Hypernetworks.Layers;

namespace Hypernetworks.Tensors;

/// <summary>
/// One validated GEMM call over pinned memory: C[m×n] = f(α·op(A)·op(B) + β·C + bias). A sub-problem over a
/// range of rows or columns of C is the same struct with offset pointers, which is how work is split over threads.
/// </summary>
internal readonly unsafe struct GemmProblem
{
    public GemmProblem(
        bool transposeA, bool transposeB, int m, int n, int k, float alpha, float* a, int lda, float* b, int ldb,
        float beta, float* c, int ldc, float* bias, Activation activation)
    {
        TransposeA = transposeA;
        TransposeB = transposeB;
        M = m;
        N = n;
        K = k;
        Alpha = alpha;
        A = a;
        Lda = lda;
        B = b;
        Ldb = ldb;
        Beta = beta;
        C = c;
        Ldc = ldc;
        Bias = bias;
        Activation = activation;
    }

    public bool TransposeA { get; }

    public bool TransposeB { get; }

    public int M { get; }

    public int N { get; }

    public int K { get; }

    public float Alpha { get; }

    public float* A { get; }

    public int Lda { get; }

    public float* B { get; }

    public int Ldb { get; }

    public float Beta { get; }

    public float* C { get; }

    public int Ldc { get; }

    /// <summary>n floats, or null for no bias.</summary>
    public float* Bias { get; }

    public Activation Activation { get; }

    /// <summary>The distance between op(A)(i, p) and op(A)(i + 1, p).</summary>
    public nint ARowStride => TransposeA ? 1 : Lda;

    /// <summary>The distance between op(A)(i, p) and op(A)(i, p + 1).</summary>
    public nint AStep => TransposeA ? Lda : 1;

    /// <summary>The address of op(A)(i, p).</summary>
    public float* AAt(int i, int p) => TransposeA ? A + ((nint)p * Lda) + i : A + ((nint)i * Lda) + p;

    /// <summary>The address of op(B)(p, j).</summary>
    public float* BAt(int p, int j) => TransposeB ? B + ((nint)j * Ldb) + p : B + ((nint)p * Ldb) + j;

    /// <summary>The address of C(i, j).</summary>
    public float* CAt(int i, int j) => C + ((nint)i * Ldc) + j;

    /// <summary>The rows [start, start + count) of C.</summary>
    public GemmProblem Rows(int start, int count) => new(
        TransposeA, TransposeB, count, N, K, Alpha, AAt(start, 0), Lda, B, Ldb, Beta, CAt(start, 0), Ldc, Bias, Activation);

    /// <summary>The columns [start, start + count) of C.</summary>
    public GemmProblem Columns(int start, int count) => new(
        TransposeA, TransposeB, M, count, K, Alpha, A, Lda, BAt(0, start), Ldb, Beta, CAt(0, start), Ldc,
        Bias == null ? null : Bias + start, Activation);

    /// <summary>The epilogue of the K block starting at <paramref name="p"/> of length <paramref name="kc"/>.</summary>
    /// <remarks>β applies to the first block only (later blocks add to what the first wrote); the bias to the last.</remarks>
    public TileEpilogue EpilogueFor(int p, int kc) => new(Alpha, p == 0 ? Beta : 1f, p + kc >= K ? Bias : null);

    /// <summary>Applies the activation to the rows [row, row + rows) over the columns [column, column + columns).</summary>
    public void Activate(int row, int rows, int column, int columns)
    {
        if (Activation == Activation.Identity)
        {
            return;
        }

        for (int i = row; i < row + rows; i++)
        {
            var values = new Span<float>(CAt(i, column), columns);
            ActivationFunctions.Forward(Activation, values, values);
        }
    }
}
