namespace Hypernetworks.Tensors;

/// <summary>
/// The BLIS-style packed path for large shapes: for each NC-column block and KC-deep slice, B is packed into
/// contiguous NR-column panels; for each MC-row block, A is copied into a dense block; the micro-kernel then
/// sweeps the block tile by tile, each B panel staying in L1 while the A block streams from L2.
/// </summary>
/// <remarks>
/// The kernels broadcast A's elements, so A keeps its layout (each row contiguous, or rows adjacent when
/// transposed) and its copy is a plain row-by-row memcpy. What the copy buys is the stride: a leading dimension
/// of 1024 or 2048 floats puts every row of A in the same L1 and L2 sets, which then thrash; the copy's stride is
/// padded by one cache line per row so that consecutive rows fall into consecutive sets.
/// </remarks>
internal static unsafe class GemmPacked
{
    public static void Run<TKernel>(in GemmProblem problem)
        where TKernel : struct, IGemmKernel
    {
        int mr = TKernel.Rows;
        int nr = TKernel.Columns;
        GemmScratch scratch = GemmScratch.Current;
        GemmBlocking blocking = GemmBlocking.Current;
        int kcStep = blocking.Depth(problem.K);
        int ncMax = RoundUp(Math.Min(blocking.N, problem.N), nr);
        int mcMax = Math.Min(blocking.M, problem.M);
        float* packedB = scratch.PackedB(kcStep * ncMax);
        float* packedA = scratch.PackedA(problem.TransposeA ? kcStep * PaddedStride(mcMax) : mcMax * PaddedStride(kcStep));
        float* tile = scratch.Tile(mr * nr);

        for (int jc = 0; jc < problem.N; jc += blocking.N)
        {
            int nc = Math.Min(blocking.N, problem.N - jc);
            for (int pc = 0; pc < problem.K; pc += kcStep)
            {
                int kc = Math.Min(kcStep, problem.K - pc);
                TileEpilogue epilogue = problem.EpilogueFor(pc, kc).At(jc);
                GemmPacking.PackB(problem, pc, kc, jc, nc, nr, packedB);
                for (int ic = 0; ic < problem.M; ic += blocking.M)
                {
                    int mc = Math.Min(blocking.M, problem.M - ic);
                    (nint aRowStride, nint aStep) = CopyA(problem, ic, mc, pc, kc, packedA);
                    for (int jr = 0; jr < nc; jr += nr)
                    {
                        int width = Math.Min(nr, nc - jr);
                        float* panelB = packedB + ((nint)jr * kc);
                        TileEpilogue tileEpilogue = epilogue.At(jr);
                        for (int ir = 0; ir < mc; ir += mr)
                        {
                            int height = Math.Min(mr, mc - ir);
                            float* a = packedA + (ir * aRowStride);
                            float* c = problem.CAt(ic + ir, jc + jr);
                            if (width == nr)
                            {
                                TKernel.Tile(height, kc, a, aRowStride, aStep, panelB, nr, c, problem.Ldc, tileEpilogue);
                            }
                            else
                            {
                                TKernel.Tile(height, kc, a, aRowStride, aStep, panelB, nr, tile, nr, tileEpilogue.ScaleOnly());
                                tileEpilogue.Finish(tile, nr, height, width, c, problem.Ldc);
                            }
                        }
                    }

                    if (pc + kc >= problem.K)
                    {
                        problem.Activate(ic, mc, jc, nc);
                    }
                }
            }
        }
    }

    // Copies op(A)[row.., depth..] (rows × kc) keeping its layout; returns the copy's (row stride, step).
    private static (nint RowStride, nint Step) CopyA(in GemmProblem problem, int row, int rows, int depth, int kc, float* destination)
    {
        if (problem.TransposeA)
        {
            int stride = PaddedStride(rows);
            for (int p = 0; p < kc; p++)
            {
                new ReadOnlySpan<float>(problem.AAt(row, depth + p), rows).CopyTo(new Span<float>(destination + ((nint)p * stride), rows));
            }

            return (1, stride);
        }

        int rowStride = PaddedStride(kc);
        for (int r = 0; r < rows; r++)
        {
            new ReadOnlySpan<float>(problem.AAt(row + r, depth), kc).CopyTo(new Span<float>(destination + ((nint)r * rowStride), kc));
        }

        return (rowStride, 1);
    }

    // A whole number of cache lines plus one, so that rows of the copy never alias in the cache sets.
    private static int PaddedStride(int length) => RoundUp(length, 16) + 16;

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
