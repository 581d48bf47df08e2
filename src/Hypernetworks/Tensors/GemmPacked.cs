namespace Hypernetworks.Tensors;

/// <summary>
/// The BLIS-style packed path for large shapes: for each NC-column block and KC-deep slice, B is packed into
/// NR-column panels; for each MC-row block, A is packed into MR-row panels; the micro-kernel then sweeps the
/// block tile by tile, each B panel staying in L1 while the A panels stream from L2.
/// </summary>
internal static unsafe class GemmPacked
{
    public static void Run<TKernel>(in GemmProblem problem)
        where TKernel : struct, IGemmKernel
    {
        int mr = TKernel.Rows;
        int nr = TKernel.Columns;
        GemmScratch scratch = GemmScratch.Current;
        int kcMax = Math.Min(GemmBlocking.K, problem.K);
        int ncMax = RoundUp(Math.Min(GemmBlocking.N, problem.N), nr);
        float* packedB = scratch.PackedB(kcMax * ncMax);
        float* packedA = scratch.PackedA(kcMax * RoundUp(Math.Min(GemmBlocking.M, problem.M), mr));
        float* tile = scratch.Tile(mr * nr);

        for (int jc = 0; jc < problem.N; jc += GemmBlocking.N)
        {
            int nc = Math.Min(GemmBlocking.N, problem.N - jc);
            for (int pc = 0; pc < problem.K; pc += GemmBlocking.K)
            {
                int kc = Math.Min(GemmBlocking.K, problem.K - pc);
                TileEpilogue epilogue = problem.EpilogueFor(pc, kc).At(jc);
                GemmPacking.PackB(problem, pc, kc, jc, nc, nr, packedB);
                for (int ic = 0; ic < problem.M; ic += GemmBlocking.M)
                {
                    int mc = Math.Min(GemmBlocking.M, problem.M - ic);
                    GemmPacking.PackA(problem, ic, mc, pc, kc, mr, packedA);
                    for (int jr = 0; jr < nc; jr += nr)
                    {
                        int width = Math.Min(nr, nc - jr);
                        float* panelB = packedB + ((nint)jr * kc);
                        TileEpilogue tileEpilogue = epilogue.At(jr);
                        for (int ir = 0; ir < mc; ir += mr)
                        {
                            int height = Math.Min(mr, mc - ir);
                            float* panelA = packedA + ((nint)ir * kc);
                            float* c = problem.CAt(ic + ir, jc + jr);
                            if (width == nr)
                            {
                                TKernel.Tile(height, kc, panelA, mr, panelB, nr, c, problem.Ldc, tileEpilogue);
                            }
                            else
                            {
                                TKernel.Tile(height, kc, panelA, mr, panelB, nr, tile, nr, tileEpilogue.ScaleOnly());
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
