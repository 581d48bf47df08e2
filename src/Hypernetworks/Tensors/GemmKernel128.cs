using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Hypernetworks.Tensors;

/// <summary>
/// The Vector128 micro-kernel: a tile of up to 6 rows by 8 columns held in 12 accumulator registers
/// (12 accumulators, two B vectors and one broadcast: 15 of the 16 SSE registers, or of the 32 of Arm's AdvSIMD).
/// </summary>
internal readonly unsafe struct GemmKernel128 : IGemmKernel
{
    /// <inheritdoc />
    public static int Rows => 6;

    /// <inheritdoc />
    public static int Columns => 8;

    /// <inheritdoc />
    public static bool IsSupported => Vector128.IsHardwareAccelerated;

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
        Vector128<float> lo0 = default, hi0 = default;
        Vector128<float> lo1 = default, hi1 = default;
        Vector128<float> lo2 = default, hi2 = default;
        Vector128<float> lo3 = default, hi3 = default;
        Vector128<float> lo4 = default, hi4 = default;
        Vector128<float> lo5 = default, hi5 = default;
        // Start fetching the C tile now: its rows are far apart and were last touched a whole block ago, and
        // its lines arrive while the loop runs instead of stalling the stores at the end.
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(c);
            Sse.Prefetch0(c + 7);
            if (TRows.Count > 1)
            {
                Sse.Prefetch0(c + (1 * ldc));
                Sse.Prefetch0(c + (1 * ldc) + 7);
            }

            if (TRows.Count > 2)
            {
                Sse.Prefetch0(c + (2 * ldc));
                Sse.Prefetch0(c + (2 * ldc) + 7);
            }

            if (TRows.Count > 3)
            {
                Sse.Prefetch0(c + (3 * ldc));
                Sse.Prefetch0(c + (3 * ldc) + 7);
            }

            if (TRows.Count > 4)
            {
                Sse.Prefetch0(c + (4 * ldc));
                Sse.Prefetch0(c + (4 * ldc) + 7);
            }

            if (TRows.Count > 5)
            {
                Sse.Prefetch0(c + (5 * ldc));
                Sse.Prefetch0(c + (5 * ldc) + 7);
            }
        }

        nint stride2 = 2 * aStride;
        float* a0 = a;
        float* a3 = a + (3 * aStride);
        for (int p = 0; p < kc; p++)
        {
            Vector128<float> b0 = Vector128.Load(b);
            Vector128<float> b1 = Vector128.Load(b + 4);
            Vector128<float> av = Vector128.Create(a0[0]);
            lo0 = Vector128.FusedMultiplyAdd(av, b0, lo0);
            hi0 = Vector128.FusedMultiplyAdd(av, b1, hi0);
            if (TRows.Count > 1)
            {
                av = TLayout.Strided ? Vector128.Create(a0[aStride]) : Vector128.Create(a0[1]);
                lo1 = Vector128.FusedMultiplyAdd(av, b0, lo1);
                hi1 = Vector128.FusedMultiplyAdd(av, b1, hi1);
            }

            if (TRows.Count > 2)
            {
                av = TLayout.Strided ? Vector128.Create(a0[stride2]) : Vector128.Create(a0[2]);
                lo2 = Vector128.FusedMultiplyAdd(av, b0, lo2);
                hi2 = Vector128.FusedMultiplyAdd(av, b1, hi2);
            }

            if (TRows.Count > 3)
            {
                av = TLayout.Strided ? Vector128.Create(a3[0]) : Vector128.Create(a0[3]);
                lo3 = Vector128.FusedMultiplyAdd(av, b0, lo3);
                hi3 = Vector128.FusedMultiplyAdd(av, b1, hi3);
            }

            if (TRows.Count > 4)
            {
                av = TLayout.Strided ? Vector128.Create(a3[aStride]) : Vector128.Create(a0[4]);
                lo4 = Vector128.FusedMultiplyAdd(av, b0, lo4);
                hi4 = Vector128.FusedMultiplyAdd(av, b1, hi4);
            }

            if (TRows.Count > 5)
            {
                av = TLayout.Strided ? Vector128.Create(a3[stride2]) : Vector128.Create(a0[5]);
                lo5 = Vector128.FusedMultiplyAdd(av, b0, lo5);
                hi5 = Vector128.FusedMultiplyAdd(av, b1, hi5);
            }

            if (TLayout.Strided)
            {
                a0++;
                if (TRows.Count > 3)
                {
                    a3++;
                }
            }
            else
            {
                a0 += aStride;
            }

            b += bStep;
        }

        Vector128<float> alpha = Vector128.Create(epilogue.Alpha);
        Vector128<float> beta = Vector128.Create(epilogue.Beta);
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
    }

    // v = α·acc, then + β·c (only when β ≠ 0, so that C is never read for β = 0), then + bias: the same
    // operations, in the same order, as TileEpilogue.Finish applies to the scalar column tails.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector128<float> x0, Vector128<float> x1, Vector128<float> alpha, Vector128<float> beta, bool readC, float* bias)
    {
        x0 *= alpha;
        x1 *= alpha;
        if (readC)
        {
            x0 += beta * Vector128.Load(c);
            x1 += beta * Vector128.Load(c + 4);
        }

        if (bias != null)
        {
            x0 += Vector128.Load(bias);
            x1 += Vector128.Load(bias + 4);
        }

        Vector128.Store(x0, c);
        Vector128.Store(x1, c + 4);
    }
}
