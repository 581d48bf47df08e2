using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Hypernetworks.Layers;

/// <summary>
/// Kernels for a dense layer applied to at most four rows at once with a very wide output (a generator head), over
/// one range of outputs: each row of W [out, in] is read once and used for every row while it is in L1. AVX-512
/// where the hardware has it (with a scalar tail when in % 16 ≠ 0), else TensorPrimitives per output.
/// </summary>
internal static unsafe class SkinnyKernels
{
    /// <summary>The most rows one call takes.</summary>
    public const int Rows = 4;

    // How far ahead (floats) the head kernels prefetch W and dW: one core's hardware prefetcher alone does not keep
    // enough of a sequential stream's reads in flight (forward measured 10-15% faster with it). dW is prefetched
    // even when it is only written: the store then finds its line in cache. (Non-temporal stores of an overwritten
    // dW measured no faster on one thread and slower on two.)
    private const int PrefetchAhead = 2048;

    /// <summary>y[g, j] = W[j, :]·x[g, :] + b[j] for g &lt; <paramref name="rows"/> and j in [j0, j1).</summary>
    public static void Forward(float* w, float* b, int n, int j0, int j1, float* x, int ldx, int rows, float* y, int ldy)
    {
        if (!Avx512F.IsSupported)
        {
            for (int j = j0; j < j1; j++)
            {
                var weight = new ReadOnlySpan<float>(w + ((nint)j * n), n);
                for (int g = 0; g < rows; g++)
                {
                    y[(g * (nint)ldy) + j] = TensorPrimitives.Dot(weight, new ReadOnlySpan<float>(x + (g * (nint)ldx), n)) + b[j];
                }
            }

            return;
        }

        // Missing rows read row 0 and are not written, so the loop body is the same for every row count.
        float* x0 = x;
        float* x1 = rows > 1 ? x + ldx : x;
        float* x2 = rows > 2 ? x + (2 * (nint)ldx) : x;
        float* x3 = rows > 3 ? x + (3 * (nint)ldx) : x;
        int vectorEnd = n - (n % Vector512<float>.Count);
        for (int j = j0; j < j1; j++)
        {
            float* row = w + ((nint)j * n);
            Vector512<float> a0 = Vector512<float>.Zero, a1 = a0, a2 = a0, a3 = a0;
            int k = 0;
            for (; k < vectorEnd; k += Vector512<float>.Count)
            {
                Sse.Prefetch0(row + k + PrefetchAhead);
                Vector512<float> wv = Vector512.Load(row + k);
                a0 = Vector512.FusedMultiplyAdd(wv, Vector512.Load(x0 + k), a0);
                a1 = Vector512.FusedMultiplyAdd(wv, Vector512.Load(x1 + k), a1);
                a2 = Vector512.FusedMultiplyAdd(wv, Vector512.Load(x2 + k), a2);
                a3 = Vector512.FusedMultiplyAdd(wv, Vector512.Load(x3 + k), a3);
            }

            Vector128<float> sums = SumEach(a0, a1, a2, a3);
            float s0 = sums.GetElement(0), s1 = sums.GetElement(1), s2 = sums.GetElement(2), s3 = sums.GetElement(3);
            for (; k < n; k++)
            {
                float wk = row[k];
                s0 += wk * x0[k];
                s1 += wk * x1[k];
                s2 += wk * x2[k];
                s3 += wk * x3[k];
            }

            float bias = b[j];
            y[j] = s0 + bias;
            if (rows > 1)
            {
                y[ldy + j] = s1 + bias;
            }

            if (rows > 2)
            {
                y[(2 * (nint)ldy) + j] = s2 + bias;
            }

            if (rows > 3)
            {
                y[(3 * (nint)ldy) + j] = s3 + bias;
            }
        }
    }

    /// <summary>
    /// The lane sums of four vectors at once: halves, then quarters of the four are added across vectors with
    /// 128-bit shuffles, so the last in-lane steps reduce all four together (about half the operations of four
    /// separate reductions, which the forward pass does once per generated value).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> SumEach(Vector512<float> a0, Vector512<float> a1, Vector512<float> a2, Vector512<float> a3)
    {
        // [a0 q0+q2, a0 q1+q3, a1 q0+q2, a1 q1+q3], likewise for a2, a3.
        Vector512<float> s01 = Avx512F.Shuffle4x128(a0, a1, 0b01_00_01_00) + Avx512F.Shuffle4x128(a0, a1, 0b11_10_11_10);
        Vector512<float> s23 = Avx512F.Shuffle4x128(a2, a3, 0b01_00_01_00) + Avx512F.Shuffle4x128(a2, a3, 0b11_10_11_10);

        // One 128-bit lane per vector, each holding four partial sums of it.
        Vector512<float> q = Avx512F.Shuffle4x128(s01, s23, 0b10_00_10_00) + Avx512F.Shuffle4x128(s01, s23, 0b11_01_11_01);
        q += Avx512F.Shuffle(q, q, 0b10_11_00_01);
        q += Avx512F.Shuffle(q, q, 0b01_00_11_10);
        return Avx512F.PermuteVar16x32(q, Vector512.Create(0, 4, 8, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).GetLower().GetLower();
    }

    /// <summary>
    /// For j in [j0, j1): dW[j, :] += Σ_g dy[g, j]·x[g, :]; db[j] += Σ_g dy[g, j]; and, unless <paramref name="dx"/>
    /// is null, dx[g, :] += Σ_j dy[g, j]·W[j, :]. With <paramref name="overwrite"/>, dW is written instead of added
    /// to (its old contents are ignored); likewise db with <paramref name="overwriteBias"/>.
    /// <paramref name="dx"/> must hold <see cref="Rows"/> rows of stride <paramref name="lddx"/> whatever
    /// <paramref name="rows"/> is: the missing rows take zero terms.
    /// </summary>
    /// <remarks>
    /// One sequential pass over the rows of W and dW: each row of W feeds every dx row and each row of dW gathers
    /// every x row while in L1. (Keeping a strip of dx in registers across outputs instead saves L1 traffic but
    /// reads W and dW strip by strip, which measured slower: the pass is bound by memory, not by L1.)
    /// </remarks>
    public static void Backward(float* w, float* dw, float* db, int n, int j0, int j1, float* x, int ldx, float* dy, int lddy, int rows, float* dx, int lddx, bool overwrite, bool overwriteBias)
    {
        if (!Avx512F.IsSupported)
        {
            BackwardPortable(w, dw, db, n, j0, j1, x, ldx, dy, lddy, rows, dx, lddx, overwrite, overwriteBias);
            return;
        }

        // Missing rows read row 0 of x with a zero dy, so the loop body is the same for every row count.
        float* x1 = rows > 1 ? x + ldx : x;
        float* x2 = rows > 2 ? x + (2 * (nint)ldx) : x;
        float* x3 = rows > 3 ? x + (3 * (nint)ldx) : x;
        float* d1 = dx + lddx;
        float* d2 = dx + (2 * (nint)lddx);
        float* d3 = dx + (3 * (nint)lddx);
        int vectorEnd = n - (n % Vector512<float>.Count);

        for (int j = j0; j < j1; j++)
        {
            float c0 = dy[j];
            float c1 = rows > 1 ? dy[lddy + j] : 0f;
            float c2 = rows > 2 ? dy[(2 * (nint)lddy) + j] : 0f;
            float c3 = rows > 3 ? dy[(3 * (nint)lddy) + j] : 0f;
            float sum = c0 + c1 + c2 + c3;
            db[j] = overwriteBias ? sum : db[j] + sum;
            var v0 = Vector512.Create(c0);
            var v1 = Vector512.Create(c1);
            var v2 = Vector512.Create(c2);
            var v3 = Vector512.Create(c3);
            float* wRow = w + ((nint)j * n);
            float* dwRow = dw + ((nint)j * n);
            int k = 0;
            for (; k < vectorEnd; k += Vector512<float>.Count)
            {
                Sse.Prefetch0(wRow + k + PrefetchAhead);
                Sse.Prefetch0(dwRow + k + PrefetchAhead);

                Vector512<float> g = overwrite ? v0 * Vector512.Load(x + k) : Vector512.FusedMultiplyAdd(v0, Vector512.Load(x + k), Vector512.Load(dwRow + k));
                g = Vector512.FusedMultiplyAdd(v1, Vector512.Load(x1 + k), g);
                g = Vector512.FusedMultiplyAdd(v2, Vector512.Load(x2 + k), g);
                g = Vector512.FusedMultiplyAdd(v3, Vector512.Load(x3 + k), g);
                g.Store(dwRow + k);

                if (dx != null)
                {
                    Vector512<float> wv = Vector512.Load(wRow + k);
                    Vector512.FusedMultiplyAdd(v0, wv, Vector512.Load(dx + k)).Store(dx + k);
                    Vector512.FusedMultiplyAdd(v1, wv, Vector512.Load(d1 + k)).Store(d1 + k);
                    Vector512.FusedMultiplyAdd(v2, wv, Vector512.Load(d2 + k)).Store(d2 + k);
                    Vector512.FusedMultiplyAdd(v3, wv, Vector512.Load(d3 + k)).Store(d3 + k);
                }
            }

            for (; k < n; k++)
            {
                float g = (c0 * x[k]) + (c1 * x1[k]) + (c2 * x2[k]) + (c3 * x3[k]);
                dwRow[k] = overwrite ? g : dwRow[k] + g;
                if (dx != null)
                {
                    float wk = wRow[k];
                    dx[k] += c0 * wk;
                    d1[k] += c1 * wk;
                    d2[k] += c2 * wk;
                    d3[k] += c3 * wk;
                }
            }
        }
    }

    private static void BackwardPortable(float* w, float* dw, float* db, int n, int j0, int j1, float* x, int ldx, float* dy, int lddy, int rows, float* dx, int lddx, bool overwrite, bool overwriteBias)
    {
        for (int j = j0; j < j1; j++)
        {
            var weight = new ReadOnlySpan<float>(w + ((nint)j * n), n);
            var weightGradient = new Span<float>(dw + ((nint)j * n), n);
            if (overwrite)
            {
                weightGradient.Clear();
            }

            if (overwriteBias)
            {
                db[j] = 0f;
            }

            for (int g = 0; g < rows; g++)
            {
                float c = dy[(g * (nint)lddy) + j];
                db[j] += c;
                TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(x + (g * (nint)ldx), n), c, weightGradient, weightGradient);
                if (dx != null)
                {
                    var dxRow = new Span<float>(dx + (g * (nint)lddx), n);
                    TensorPrimitives.MultiplyAdd(weight, c, dxRow, dxRow);
                }
            }
        }
    }
}
