namespace Hypernetworks.Tensors;

/// <summary>
/// The BLIS-style packed path for large shapes: for each NC-column block and KC-deep slice, B is packed into
/// contiguous NR-column panels; the micro-kernel then sweeps MC-row blocks tile by tile, each B panel staying in
/// L1 while the rows of A stream from L2. A is read in place: the kernels broadcast its elements, so either
/// layout of A (rows adjacent when transposed, each row contiguous otherwise) streams without a copy.
/// </summary>
internal static unsafe class GemmPacked
{
    public static void Run<TKernel>(in GemmProblem problem)
        where TKernel : struct, IGemmKernel
    {
        int mr = TKernel.Rows;
        int nr = TKernel.Columns;
        GemmScratch scratch = GemmScratch.Current;
        int ncMax = RoundUp(Math.Min(GemmBlocking.N, problem.N), nr);
        float* packedB = scratch.PackedB(GemmBlocking.Depth(problem.K) * ncMax);
        float* tile = scratch.Tile(mr * nr);

        int kcStep = GemmBlocking.Depth(problem.K);
        for (int jc = 0; jc < problem.N; jc += GemmBlocking.N)
        {
            int nc = Math.Min(GemmBlocking.N, problem.N - jc);
            for (int pc = 0; pc < problem.K; pc += kcStep)
            {
                int kc = Math.Min(kcStep, problem.K - pc);
                TileEpilogue epilogue = problem.EpilogueFor(pc, kc).At(jc);
                GemmPacking.PackB(problem, pc, kc, jc, nc, nr, packedB);
                for (int ic = 0; ic < problem.M; ic += GemmBlocking.M)
                {
                    int mc = Math.Min(GemmBlocking.M, problem.M - ic);
                    for (int jr = 0; jr < nc; jr += nr)
                    {
                        int width = Math.Min(nr, nc - jr);
                        float* panelB = packedB + ((nint)jr * kc);
                        TileEpilogue tileEpilogue = epilogue.At(jr);
                        for (int ir = 0; ir < mc; ir += mr)
                        {
                            int height = Math.Min(mr, mc - ir);
                            float* a = problem.AAt(ic + ir, pc);
                            float* c = problem.CAt(ic + ir, jc + jr);
                            if (width == nr)
                            {
                                TKernel.Tile(height, kc, a, problem.ARowStride, problem.AStep, panelB, nr, c, problem.Ldc, tileEpilogue);
                            }
                            else
                            {
                                TKernel.Tile(height, kc, a, problem.ARowStride, problem.AStep, panelB, nr, tile, nr, tileEpilogue.ScaleOnly());
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

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
