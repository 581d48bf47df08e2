using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Hypernetworks.Tensors;

/// <summary>
/// Copies blocks of op(B) into the contiguous panel layout the micro-kernels stream through: panels of NR
/// columns, element (p, j) at p·NR + j, zero-padded to the full width. A transposed B is turned around 8×8
/// floats at a time in AVX registers (the shape of a linear layer's forward pass, X·Wᵀ, packs this way).
/// </summary>
internal static unsafe class GemmPacking
{
    private const int Square = 8;

    /// <summary>Packs op(B)[depth.., column..] (<paramref name="kc"/> × <paramref name="columns"/>) into zero-padded panels of <paramref name="nr"/> columns.</summary>
    public static void PackB(in GemmProblem problem, int depth, int kc, int column, int columns, int nr, float* destination)
    {
        if (!problem.TransposeB)
        {
            PackRows(problem, depth, kc, column, columns, nr, destination);
            return;
        }

        for (int panel = 0; panel < columns; panel += nr)
        {
            int width = Math.Min(nr, columns - panel);
            float* target = destination + ((nint)panel * kc);
            if (width < nr)
            {
                new Span<float>(target, kc * nr).Clear();
            }

            PackTransposedPanel(problem.BAt(depth, column + panel), problem.Ldb, kc, width, nr, target);
        }
    }

    // B not transposed: each row of the block is read once, front to back (the order the prefetchers follow), and
    // dealt out to the panels nr floats at a time. Going panel by panel instead walked down the rows of B two cache
    // lines at a time: on Zen 4 that packing took 3-12% of the kernels' time at 1024-2048, this one 1-3.4%.
    private static void PackRows(in GemmProblem problem, int depth, int kc, int column, int columns, int nr, float* destination)
    {
        int full = columns - (columns % nr);
        bool wide = Vector256.IsHardwareAccelerated && nr % Vector256<float>.Count == 0;
        for (int p = 0; p < kc; p++)
        {
            float* source = problem.BAt(depth + p, column);
            float* target = destination + ((nint)p * nr);
            for (int panel = 0; panel < full; panel += nr)
            {
                float* from = source + panel;
                float* to = target + ((nint)panel * kc);
                if (wide)
                {
                    for (int j = 0; j < nr; j += Vector256<float>.Count)
                    {
                        Vector256.Load(from + j).Store(to + j);
                    }
                }
                else
                {
                    new ReadOnlySpan<float>(from, nr).CopyTo(new Span<float>(to, nr));
                }
            }

            if (full < columns)
            {
                var row = new Span<float>(target + ((nint)full * kc), nr);
                new ReadOnlySpan<float>(source + full, columns - full).CopyTo(row);
                row[(columns - full)..].Clear();
            }
        }
    }

    // B is stored n×k: source row j holds column j of op(B). target[p·nr + j] = source[j·ldb + p].
    private static void PackTransposedPanel(float* source, nint ldb, int kc, int width, int nr, float* target)
    {
        int squareColumns = Avx.IsSupported ? width - (width % Square) : 0;
        int squareDepth = kc - (kc % Square);
        for (int j = 0; j < squareColumns; j += Square)
        {
            float* rows = source + (j * ldb);
            for (int p = 0; p < squareDepth; p += Square)
            {
                Transpose8x8(rows + p, ldb, target + ((nint)p * nr) + j, nr);
            }

            for (int p = squareDepth; p < kc; p++)
            {
                for (int jj = j; jj < j + Square; jj++)
                {
                    target[((nint)p * nr) + jj] = source[(jj * ldb) + p];
                }
            }
        }

        for (int j = squareColumns; j < width; j++)
        {
            float* row = source + (j * ldb);
            float* lane = target + j;
            for (int p = 0; p < kc; p++)
            {
                lane[(nint)p * nr] = row[p];
            }
        }
    }

    // Reads 8 rows of 8 floats (stride sourceStride) and writes them as 8 columns (stride targetStride).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* source, nint sourceStride, float* target, nint targetStride)
    {
        Vector256<float> r0 = Avx.LoadVector256(source);
        Vector256<float> r1 = Avx.LoadVector256(source + sourceStride);
        Vector256<float> r2 = Avx.LoadVector256(source + (2 * sourceStride));
        Vector256<float> r3 = Avx.LoadVector256(source + (3 * sourceStride));
        Vector256<float> r4 = Avx.LoadVector256(source + (4 * sourceStride));
        Vector256<float> r5 = Avx.LoadVector256(source + (5 * sourceStride));
        Vector256<float> r6 = Avx.LoadVector256(source + (6 * sourceStride));
        Vector256<float> r7 = Avx.LoadVector256(source + (7 * sourceStride));

        // Interleave pairs of rows, then pairs of pairs, then swap 128-bit halves: the classic 8×8 transpose.
        Vector256<float> t0 = Avx.UnpackLow(r0, r1);
        Vector256<float> t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3);
        Vector256<float> t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5);
        Vector256<float> t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7);
        Vector256<float> t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> s0 = Avx.Shuffle(t0, t2, 0x44);
        Vector256<float> s1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> s2 = Avx.Shuffle(t1, t3, 0x44);
        Vector256<float> s3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> s4 = Avx.Shuffle(t4, t6, 0x44);
        Vector256<float> s5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> s6 = Avx.Shuffle(t5, t7, 0x44);
        Vector256<float> s7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(target, Avx.Permute2x128(s0, s4, 0x20));
        Avx.Store(target + targetStride, Avx.Permute2x128(s1, s5, 0x20));
        Avx.Store(target + (2 * targetStride), Avx.Permute2x128(s2, s6, 0x20));
        Avx.Store(target + (3 * targetStride), Avx.Permute2x128(s3, s7, 0x20));
        Avx.Store(target + (4 * targetStride), Avx.Permute2x128(s0, s4, 0x31));
        Avx.Store(target + (5 * targetStride), Avx.Permute2x128(s1, s5, 0x31));
        Avx.Store(target + (6 * targetStride), Avx.Permute2x128(s2, s6, 0x31));
        Avx.Store(target + (7 * targetStride), Avx.Permute2x128(s3, s7, 0x31));
    }
}
