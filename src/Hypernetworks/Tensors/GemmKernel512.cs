using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Hypernetworks.Tensors;

/// <summary>
/// The Vector512 micro-kernel: a tile of up to 12 rows by 32 columns held in 24 accumulator registers
/// (24 accumulators, two B vectors and one broadcast: 27 of the 32 AVX-512 registers).
/// </summary>
internal readonly unsafe struct GemmKernel512 : IGemmKernel
{
    /// <inheritdoc />
    public static int Rows => 12;

    /// <inheritdoc />
    public static int Columns => 32;

    /// <inheritdoc />
    public static bool IsSupported => Vector512.IsHardwareAccelerated;

    /// <inheritdoc />
    public static void Tile(int rows, int kc, float* a, nint aRowStride, nint aStep, float* b, nint bStep, float* c, nint ldc, in TileEpilogue epilogue)
    {
        if (aRowStride == 1)
        {
            Tile<AdjacentRows>(rows, kc, a, aStep, b, bStep, c, ldc, epilogue);
        }
        else
        {
            Tile<StridedRows>(rows, kc, a, aRowStride, b, bStep, c, ldc, epilogue);
        }
    }

    private static void Tile<TLayout>(int rows, int kc, float* a, nint aStride, float* b, nint bStep, float* c, nint ldc, in TileEpilogue epilogue)
        where TLayout : struct, IRowLayout
    {
        switch (rows)
        {
            case 1:
                Tile<TileRows1, TLayout>(kc, a, aStride, b, bStep, c, ldc, epilogue);
                break;
            case 2:
                Tile<TileRows2, TLayout>(kc, a, aStride, b, bStep, c, ldc, epilogue);
                break;
            case 3:
                Tile<TileRows3, TLayout>(kc, a, aStride, b, bStep, c, ldc, epilogue);
                break;
            case 4:
                Tile<TileRows4, TLayout>(kc, a, aStride, b, bStep, c, ldc, epilogue);
                break;
            case 5:
                Tile<TileRows5, TLayout>(kc, a, aStride, b, bStep, c, ldc, epilogue);
                break;
            case 6:
                Tile<TileRows6, TLayout>(kc, a, aStride, b, bStep, c, ldc, epilogue);
                break;
            case 7:
                Tile<TileRows7, TLayout>(kc, a, aStride, b, bStep, c, ldc, epilogue);
                break;
            case 8:
                Tile<TileRows8, TLayout>(kc, a, aStride, b, bStep, c, ldc, epilogue);
                break;
            case 9:
                Tile<TileRows9, TLayout>(kc, a, aStride, b, bStep, c, ldc, epilogue);
                break;
            case 10:
                Tile<TileRows10, TLayout>(kc, a, aStride, b, bStep, c, ldc, epilogue);
                break;
            case 11:
                Tile<TileRows11, TLayout>(kc, a, aStride, b, bStep, c, ldc, epilogue);
                break;
            case 12:
                Tile<TileRows12, TLayout>(kc, a, aStride, b, bStep, c, ldc, epilogue);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rows), rows, $"A tile has 1 to {Rows} rows.");
        }
    }

    // TRows is a compile-time row count and TLayout a compile-time choice of how A is laid out: the JIT drops the
    // code of the rows beyond TRows and of the other layout, so one body serves every case without branches in
    // the loop. Adjacent rows: A(r, p) = a[p·aStride + r]. Strided rows: A(r, p) = a[r·aStride + p], reached
    // from one base pointer per three rows plus the offsets 0, aStride and 2·aStride, which x64 addressing
    // folds into the broadcast itself.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TRows, TLayout>(int kc, float* a, nint aStride, float* b, nint bStep, float* c, nint ldc, in TileEpilogue epilogue)
        where TRows : struct, ITileRows
        where TLayout : struct, IRowLayout
    {
        Vector512<float> lo0 = default, hi0 = default;
        Vector512<float> lo1 = default, hi1 = default;
        Vector512<float> lo2 = default, hi2 = default;
        Vector512<float> lo3 = default, hi3 = default;
        Vector512<float> lo4 = default, hi4 = default;
        Vector512<float> lo5 = default, hi5 = default;
        Vector512<float> lo6 = default, hi6 = default;
        Vector512<float> lo7 = default, hi7 = default;
        Vector512<float> lo8 = default, hi8 = default;
        Vector512<float> lo9 = default, hi9 = default;
        Vector512<float> lo10 = default, hi10 = default;
        Vector512<float> lo11 = default, hi11 = default;
        // Start fetching the C tile now: its rows are far apart and were last touched a whole block ago, and
        // its lines arrive while the loop runs instead of stalling the stores at the end.
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(c);
            Sse.Prefetch0(c + 31);
            if (TRows.Count > 1)
            {
                Sse.Prefetch0(c + (1 * ldc));
                Sse.Prefetch0(c + (1 * ldc) + 31);
            }

            if (TRows.Count > 2)
            {
                Sse.Prefetch0(c + (2 * ldc));
                Sse.Prefetch0(c + (2 * ldc) + 31);
            }

            if (TRows.Count > 3)
            {
                Sse.Prefetch0(c + (3 * ldc));
                Sse.Prefetch0(c + (3 * ldc) + 31);
            }

            if (TRows.Count > 4)
            {
                Sse.Prefetch0(c + (4 * ldc));
                Sse.Prefetch0(c + (4 * ldc) + 31);
            }

            if (TRows.Count > 5)
            {
                Sse.Prefetch0(c + (5 * ldc));
                Sse.Prefetch0(c + (5 * ldc) + 31);
            }

            if (TRows.Count > 6)
            {
                Sse.Prefetch0(c + (6 * ldc));
                Sse.Prefetch0(c + (6 * ldc) + 31);
            }

            if (TRows.Count > 7)
            {
                Sse.Prefetch0(c + (7 * ldc));
                Sse.Prefetch0(c + (7 * ldc) + 31);
            }

            if (TRows.Count > 8)
            {
                Sse.Prefetch0(c + (8 * ldc));
                Sse.Prefetch0(c + (8 * ldc) + 31);
            }

            if (TRows.Count > 9)
            {
                Sse.Prefetch0(c + (9 * ldc));
                Sse.Prefetch0(c + (9 * ldc) + 31);
            }

            if (TRows.Count > 10)
            {
                Sse.Prefetch0(c + (10 * ldc));
                Sse.Prefetch0(c + (10 * ldc) + 31);
            }

            if (TRows.Count > 11)
            {
                Sse.Prefetch0(c + (11 * ldc));
                Sse.Prefetch0(c + (11 * ldc) + 31);
            }
        }

        nint stride2 = 2 * aStride;
        float* a0 = a;
        float* a3 = a + (3 * aStride);
        float* a6 = a + (6 * aStride);
        float* a9 = a + (9 * aStride);
        for (int p = 0; p < kc; p++)
        {
            Vector512<float> b0 = Vector512.Load(b);
            Vector512<float> b1 = Vector512.Load(b + 16);
            Vector512<float> av = Vector512.Create(a0[0]);
            lo0 = Vector512.FusedMultiplyAdd(av, b0, lo0);
            hi0 = Vector512.FusedMultiplyAdd(av, b1, hi0);
            if (TRows.Count > 1)
            {
                av = TLayout.Strided ? Vector512.Create(a0[aStride]) : Vector512.Create(a0[1]);
                lo1 = Vector512.FusedMultiplyAdd(av, b0, lo1);
                hi1 = Vector512.FusedMultiplyAdd(av, b1, hi1);
            }

            if (TRows.Count > 2)
            {
                av = TLayout.Strided ? Vector512.Create(a0[stride2]) : Vector512.Create(a0[2]);
                lo2 = Vector512.FusedMultiplyAdd(av, b0, lo2);
                hi2 = Vector512.FusedMultiplyAdd(av, b1, hi2);
            }

            if (TRows.Count > 3)
            {
                av = TLayout.Strided ? Vector512.Create(a3[0]) : Vector512.Create(a0[3]);
                lo3 = Vector512.FusedMultiplyAdd(av, b0, lo3);
                hi3 = Vector512.FusedMultiplyAdd(av, b1, hi3);
            }

            if (TRows.Count > 4)
            {
                av = TLayout.Strided ? Vector512.Create(a3[aStride]) : Vector512.Create(a0[4]);
                lo4 = Vector512.FusedMultiplyAdd(av, b0, lo4);
                hi4 = Vector512.FusedMultiplyAdd(av, b1, hi4);
            }

            if (TRows.Count > 5)
            {
                av = TLayout.Strided ? Vector512.Create(a3[stride2]) : Vector512.Create(a0[5]);
                lo5 = Vector512.FusedMultiplyAdd(av, b0, lo5);
                hi5 = Vector512.FusedMultiplyAdd(av, b1, hi5);
            }

            if (TRows.Count > 6)
            {
                av = TLayout.Strided ? Vector512.Create(a6[0]) : Vector512.Create(a0[6]);
                lo6 = Vector512.FusedMultiplyAdd(av, b0, lo6);
                hi6 = Vector512.FusedMultiplyAdd(av, b1, hi6);
            }

            if (TRows.Count > 7)
            {
                av = TLayout.Strided ? Vector512.Create(a6[aStride]) : Vector512.Create(a0[7]);
                lo7 = Vector512.FusedMultiplyAdd(av, b0, lo7);
                hi7 = Vector512.FusedMultiplyAdd(av, b1, hi7);
            }

            if (TRows.Count > 8)
            {
                av = TLayout.Strided ? Vector512.Create(a6[stride2]) : Vector512.Create(a0[8]);
                lo8 = Vector512.FusedMultiplyAdd(av, b0, lo8);
                hi8 = Vector512.FusedMultiplyAdd(av, b1, hi8);
            }

            if (TRows.Count > 9)
            {
                av = TLayout.Strided ? Vector512.Create(a9[0]) : Vector512.Create(a0[9]);
                lo9 = Vector512.FusedMultiplyAdd(av, b0, lo9);
                hi9 = Vector512.FusedMultiplyAdd(av, b1, hi9);
            }

            if (TRows.Count > 10)
            {
                av = TLayout.Strided ? Vector512.Create(a9[aStride]) : Vector512.Create(a0[10]);
                lo10 = Vector512.FusedMultiplyAdd(av, b0, lo10);
                hi10 = Vector512.FusedMultiplyAdd(av, b1, hi10);
            }

            if (TRows.Count > 11)
            {
                av = TLayout.Strided ? Vector512.Create(a9[stride2]) : Vector512.Create(a0[11]);
                lo11 = Vector512.FusedMultiplyAdd(av, b0, lo11);
                hi11 = Vector512.FusedMultiplyAdd(av, b1, hi11);
            }

            if (TLayout.Strided)
            {
                a0++;
                if (TRows.Count > 3)
                {
                    a3++;
                }

                if (TRows.Count > 6)
                {
                    a6++;
                }

                if (TRows.Count > 9)
                {
                    a9++;
                }
            }
            else
            {
                a0 += aStride;
            }

            b += bStep;
        }

        Vector512<float> alpha = Vector512.Create(epilogue.Alpha);
        Vector512<float> beta = Vector512.Create(epilogue.Beta);
        float* bias = epilogue.Bias;
        bool readC = epilogue.Beta != 0f;
        Store(c, lo0, hi0, alpha, beta, readC, bias);
        if (TRows.Count > 1)
        {
            Store(c + (1 * ldc), lo1, hi1, alpha, beta, readC, bias);
        }

        if (TRows.Count > 2)
        {
            Store(c + (2 * ldc), lo2, hi2, alpha, beta, readC, bias);
        }

        if (TRows.Count > 3)
        {
            Store(c + (3 * ldc), lo3, hi3, alpha, beta, readC, bias);
        }

        if (TRows.Count > 4)
        {
            Store(c + (4 * ldc), lo4, hi4, alpha, beta, readC, bias);
        }

        if (TRows.Count > 5)
        {
            Store(c + (5 * ldc), lo5, hi5, alpha, beta, readC, bias);
        }

        if (TRows.Count > 6)
        {
            Store(c + (6 * ldc), lo6, hi6, alpha, beta, readC, bias);
        }

        if (TRows.Count > 7)
        {
            Store(c + (7 * ldc), lo7, hi7, alpha, beta, readC, bias);
        }

        if (TRows.Count > 8)
        {
            Store(c + (8 * ldc), lo8, hi8, alpha, beta, readC, bias);
        }

        if (TRows.Count > 9)
        {
            Store(c + (9 * ldc), lo9, hi9, alpha, beta, readC, bias);
        }

        if (TRows.Count > 10)
        {
            Store(c + (10 * ldc), lo10, hi10, alpha, beta, readC, bias);
        }

        if (TRows.Count > 11)
        {
            Store(c + (11 * ldc), lo11, hi11, alpha, beta, readC, bias);
        }
    }

    // v = α·acc, then + β·c (only when β ≠ 0, so that C is never read for β = 0), then + bias: the same
    // operations, in the same order, as TileEpilogue.Finish applies to the scalar column tails.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector512<float> x0, Vector512<float> x1, Vector512<float> alpha, Vector512<float> beta, bool readC, float* bias)
    {
        x0 *= alpha;
        x1 *= alpha;
        if (readC)
        {
            x0 += beta * Vector512.Load(c);
            x1 += beta * Vector512.Load(c + 16);
        }

        if (bias != null)
        {
            x0 += Vector512.Load(bias);
            x1 += Vector512.Load(bias + 16);
        }

        Vector512.Store(x0, c);
        Vector512.Store(x1, c + 16);
    }
}
