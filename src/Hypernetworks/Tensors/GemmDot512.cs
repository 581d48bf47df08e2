using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Hypernetworks.Tensors;

/// <summary>
/// The direct path for C = A·Bᵀ (A not transposed, B transposed), the shape of a linear layer's forward pass:
/// every C(i, j) is a dot product of two contiguous rows. Blocks of up to 4 rows of A by 4 rows of B keep 16
/// Vector512 accumulators; each B row is read once per 4 rows of A and nothing is packed, which is what
/// tall-skinny shapes (a few rows against a very wide B) and single-row prediction need.
/// </summary>
internal static unsafe class GemmDot512
{
    private const int Block = 4;

    public static bool IsSupported => Avx512F.IsSupported;

    public static void Run(in GemmProblem problem)
    {
        int k = problem.K;
        Vector512<float> tailMask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(k % Vector512<float>.Count)).AsSingle();
        var epilogue = new TileEpilogue(problem.Alpha, problem.Beta, problem.Bias);
        for (int ic = 0; ic < problem.M; ic += Block)
        {
            int height = Math.Min(Block, problem.M - ic);
            for (int jc = 0; jc < problem.N; jc += Block)
            {
                int width = Math.Min(Block, problem.N - jc);
                BlockAt(height, width, k, problem.AAt(ic, 0), problem.Lda, problem.BAt(0, jc), problem.Ldb, tailMask, problem.CAt(ic, jc), problem.Ldc, epilogue.At(jc));
            }

            problem.Activate(ic, height, 0, problem.N);
        }
    }

    private static void BlockAt(int rows, int columns, int k, float* a, nint lda, float* b, nint ldb, Vector512<float> tailMask, float* c, nint ldc, in TileEpilogue epilogue)
    {
        switch ((rows * 8) + columns)
        {
            case 9:
                Dot<TileRows1, TileRows1>(k, a, lda, b, ldb, tailMask, c, ldc, epilogue);
                break;
            case 10:
                Dot<TileRows1, TileRows2>(k, a, lda, b, ldb, tailMask, c, ldc, epilogue);
                break;
            case 11:
                Dot<TileRows1, TileRows3>(k, a, lda, b, ldb, tailMask, c, ldc, epilogue);
                break;
            case 12:
                Dot<TileRows1, TileRows4>(k, a, lda, b, ldb, tailMask, c, ldc, epilogue);
                break;
            case 17:
                Dot<TileRows2, TileRows1>(k, a, lda, b, ldb, tailMask, c, ldc, epilogue);
                break;
            case 18:
                Dot<TileRows2, TileRows2>(k, a, lda, b, ldb, tailMask, c, ldc, epilogue);
                break;
            case 19:
                Dot<TileRows2, TileRows3>(k, a, lda, b, ldb, tailMask, c, ldc, epilogue);
                break;
            case 20:
                Dot<TileRows2, TileRows4>(k, a, lda, b, ldb, tailMask, c, ldc, epilogue);
                break;
            case 25:
                Dot<TileRows3, TileRows1>(k, a, lda, b, ldb, tailMask, c, ldc, epilogue);
                break;
            case 26:
                Dot<TileRows3, TileRows2>(k, a, lda, b, ldb, tailMask, c, ldc, epilogue);
                break;
            case 27:
                Dot<TileRows3, TileRows3>(k, a, lda, b, ldb, tailMask, c, ldc, epilogue);
                break;
            case 28:
                Dot<TileRows3, TileRows4>(k, a, lda, b, ldb, tailMask, c, ldc, epilogue);
                break;
            case 33:
                Dot<TileRows4, TileRows1>(k, a, lda, b, ldb, tailMask, c, ldc, epilogue);
                break;
            case 34:
                Dot<TileRows4, TileRows2>(k, a, lda, b, ldb, tailMask, c, ldc, epilogue);
                break;
            case 35:
                Dot<TileRows4, TileRows3>(k, a, lda, b, ldb, tailMask, c, ldc, epilogue);
                break;
            case 36:
                Dot<TileRows4, TileRows4>(k, a, lda, b, ldb, tailMask, c, ldc, epilogue);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rows), rows, $"A block has 1 to {Block} rows and columns.");
        }
    }

    // TRows and TColumns are compile-time sizes: the JIT keeps only the accumulators a block uses. The last,
    // partial vector of each row is read with a masked load, which neither reads past the row nor faults.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dot<TRows, TColumns>(int k, float* a, nint lda, float* b, nint ldb, Vector512<float> tailMask, float* c, nint ldc, in TileEpilogue epilogue)
        where TRows : struct, ITileRows
        where TColumns : struct, ITileRows
    {
        Vector512<float> s00 = default, s01 = default, s02 = default, s03 = default;
        Vector512<float> s10 = default, s11 = default, s12 = default, s13 = default;
        Vector512<float> s20 = default, s21 = default, s22 = default, s23 = default;
        Vector512<float> s30 = default, s31 = default, s32 = default, s33 = default;
        Vector512<float> x0, x1 = default, x2 = default, x3 = default, y;
        int full = k - (k % Vector512<float>.Count);
        int p = 0;
        for (; p < full; p += Vector512<float>.Count)
        {
            x0 = Vector512.Load(a + p);
            if (TRows.Count > 1)
            {
                x1 = Vector512.Load(a + lda + p);
            }

            if (TRows.Count > 2)
            {
                x2 = Vector512.Load(a + (2 * lda) + p);
            }

            if (TRows.Count > 3)
            {
                x3 = Vector512.Load(a + (3 * lda) + p);
            }

            y = Vector512.Load(b + p);
            s00 = Vector512.FusedMultiplyAdd(x0, y, s00);
            if (TRows.Count > 1)
            {
                s10 = Vector512.FusedMultiplyAdd(x1, y, s10);
            }

            if (TRows.Count > 2)
            {
                s20 = Vector512.FusedMultiplyAdd(x2, y, s20);
            }

            if (TRows.Count > 3)
            {
                s30 = Vector512.FusedMultiplyAdd(x3, y, s30);
            }

            if (TColumns.Count > 1)
            {
                y = Vector512.Load(b + ldb + p);
                s01 = Vector512.FusedMultiplyAdd(x0, y, s01);
                if (TRows.Count > 1)
                {
                    s11 = Vector512.FusedMultiplyAdd(x1, y, s11);
                }

                if (TRows.Count > 2)
                {
                    s21 = Vector512.FusedMultiplyAdd(x2, y, s21);
                }

                if (TRows.Count > 3)
                {
                    s31 = Vector512.FusedMultiplyAdd(x3, y, s31);
                }
            }

            if (TColumns.Count > 2)
            {
                y = Vector512.Load(b + (2 * ldb) + p);
                s02 = Vector512.FusedMultiplyAdd(x0, y, s02);
                if (TRows.Count > 1)
                {
                    s12 = Vector512.FusedMultiplyAdd(x1, y, s12);
                }

                if (TRows.Count > 2)
                {
                    s22 = Vector512.FusedMultiplyAdd(x2, y, s22);
                }

                if (TRows.Count > 3)
                {
                    s32 = Vector512.FusedMultiplyAdd(x3, y, s32);
                }
            }

            if (TColumns.Count > 3)
            {
                y = Vector512.Load(b + (3 * ldb) + p);
                s03 = Vector512.FusedMultiplyAdd(x0, y, s03);
                if (TRows.Count > 1)
                {
                    s13 = Vector512.FusedMultiplyAdd(x1, y, s13);
                }

                if (TRows.Count > 2)
                {
                    s23 = Vector512.FusedMultiplyAdd(x2, y, s23);
                }

                if (TRows.Count > 3)
                {
                    s33 = Vector512.FusedMultiplyAdd(x3, y, s33);
                }
            }
        }

        if (p < k)
        {
            x0 = Avx512F.MaskLoad(a + p, tailMask, Vector512<float>.Zero);
            if (TRows.Count > 1)
            {
                x1 = Avx512F.MaskLoad(a + lda + p, tailMask, Vector512<float>.Zero);
            }

            if (TRows.Count > 2)
            {
                x2 = Avx512F.MaskLoad(a + (2 * lda) + p, tailMask, Vector512<float>.Zero);
            }

            if (TRows.Count > 3)
            {
                x3 = Avx512F.MaskLoad(a + (3 * lda) + p, tailMask, Vector512<float>.Zero);
            }

            y = Avx512F.MaskLoad(b + p, tailMask, Vector512<float>.Zero);
            s00 = Vector512.FusedMultiplyAdd(x0, y, s00);
            if (TRows.Count > 1)
            {
                s10 = Vector512.FusedMultiplyAdd(x1, y, s10);
            }

            if (TRows.Count > 2)
            {
                s20 = Vector512.FusedMultiplyAdd(x2, y, s20);
            }

            if (TRows.Count > 3)
            {
                s30 = Vector512.FusedMultiplyAdd(x3, y, s30);
            }

            if (TColumns.Count > 1)
            {
                y = Avx512F.MaskLoad(b + ldb + p, tailMask, Vector512<float>.Zero);
                s01 = Vector512.FusedMultiplyAdd(x0, y, s01);
                if (TRows.Count > 1)
                {
                    s11 = Vector512.FusedMultiplyAdd(x1, y, s11);
                }

                if (TRows.Count > 2)
                {
                    s21 = Vector512.FusedMultiplyAdd(x2, y, s21);
                }

                if (TRows.Count > 3)
                {
                    s31 = Vector512.FusedMultiplyAdd(x3, y, s31);
                }
            }

            if (TColumns.Count > 2)
            {
                y = Avx512F.MaskLoad(b + (2 * ldb) + p, tailMask, Vector512<float>.Zero);
                s02 = Vector512.FusedMultiplyAdd(x0, y, s02);
                if (TRows.Count > 1)
                {
                    s12 = Vector512.FusedMultiplyAdd(x1, y, s12);
                }

                if (TRows.Count > 2)
                {
                    s22 = Vector512.FusedMultiplyAdd(x2, y, s22);
                }

                if (TRows.Count > 3)
                {
                    s32 = Vector512.FusedMultiplyAdd(x3, y, s32);
                }
            }

            if (TColumns.Count > 3)
            {
                y = Avx512F.MaskLoad(b + (3 * ldb) + p, tailMask, Vector512<float>.Zero);
                s03 = Vector512.FusedMultiplyAdd(x0, y, s03);
                if (TRows.Count > 1)
                {
                    s13 = Vector512.FusedMultiplyAdd(x1, y, s13);
                }

                if (TRows.Count > 2)
                {
                    s23 = Vector512.FusedMultiplyAdd(x2, y, s23);
                }

                if (TRows.Count > 3)
                {
                    s33 = Vector512.FusedMultiplyAdd(x3, y, s33);
                }
            }
        }

        float* values = stackalloc float[Block * Block];
        values[0] = epilogue.Alpha * Vector512.Sum(s00);

        if (TColumns.Count > 1)
        {
            values[1] = epilogue.Alpha * Vector512.Sum(s01);
        }

        if (TColumns.Count > 2)
        {
            values[2] = epilogue.Alpha * Vector512.Sum(s02);
        }

        if (TColumns.Count > 3)
        {
            values[3] = epilogue.Alpha * Vector512.Sum(s03);
        }

        if (TRows.Count > 1)
        {
            values[4] = epilogue.Alpha * Vector512.Sum(s10);
        }

        if (TRows.Count > 1 && TColumns.Count > 1)
        {
            values[5] = epilogue.Alpha * Vector512.Sum(s11);
        }

        if (TRows.Count > 1 && TColumns.Count > 2)
        {
            values[6] = epilogue.Alpha * Vector512.Sum(s12);
        }

        if (TRows.Count > 1 && TColumns.Count > 3)
        {
            values[7] = epilogue.Alpha * Vector512.Sum(s13);
        }

        if (TRows.Count > 2)
        {
            values[8] = epilogue.Alpha * Vector512.Sum(s20);
        }

        if (TRows.Count > 2 && TColumns.Count > 1)
        {
            values[9] = epilogue.Alpha * Vector512.Sum(s21);
        }

        if (TRows.Count > 2 && TColumns.Count > 2)
        {
            values[10] = epilogue.Alpha * Vector512.Sum(s22);
        }

        if (TRows.Count > 2 && TColumns.Count > 3)
        {
            values[11] = epilogue.Alpha * Vector512.Sum(s23);
        }

        if (TRows.Count > 3)
        {
            values[12] = epilogue.Alpha * Vector512.Sum(s30);
        }

        if (TRows.Count > 3 && TColumns.Count > 1)
        {
            values[13] = epilogue.Alpha * Vector512.Sum(s31);
        }

        if (TRows.Count > 3 && TColumns.Count > 2)
        {
            values[14] = epilogue.Alpha * Vector512.Sum(s32);
        }

        if (TRows.Count > 3 && TColumns.Count > 3)
        {
            values[15] = epilogue.Alpha * Vector512.Sum(s33);
        }

        epilogue.Finish(values, Block, TRows.Count, TColumns.Count, c, ldc);
    }
}
