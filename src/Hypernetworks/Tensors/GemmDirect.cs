namespace Hypernetworks.Tensors;

/// <summary>
/// The direct path for small, cache-resident shapes with B not transposed: the kernel reads B rows where they
/// are. Only what the kernel cannot read in place is copied: A's rows when A is not transposed (the kernel
/// wants rows adjacent) and the last, narrower-than-a-tile columns of B (zero-padded, so no read runs past B).
/// </summary>
internal static unsafe class GemmDirect
{
    public static void Run<TKernel>(in GemmProblem problem)
        where TKernel : struct, IGemmKernel
    {
        int mr = TKernel.Rows;
        int nr = TKernel.Columns;
        int tail = problem.N % nr;
        int fullColumns = problem.N - tail;
        GemmScratch scratch = GemmScratch.Current;
        int kcMax = Math.Min(GemmBlocking.K, problem.K);
        float* packedA = problem.TransposeA ? null : scratch.PackedA(kcMax * mr);
        float* tailB = tail == 0 ? null : scratch.PackedB(kcMax * nr);
        float* tile = scratch.Tile(mr * nr);

        for (int pc = 0; pc < problem.K; pc += GemmBlocking.K)
        {
            int kc = Math.Min(GemmBlocking.K, problem.K - pc);
            TileEpilogue epilogue = problem.EpilogueFor(pc, kc);
            bool last = pc + kc >= problem.K;
            if (tail != 0)
            {
                GemmPacking.PackB(problem, pc, kc, fullColumns, tail, nr, tailB);
            }

            for (int ic = 0; ic < problem.M; ic += mr)
            {
                int height = Math.Min(mr, problem.M - ic);
                float* a;
                nint aStep;
                if (problem.TransposeA)
                {
                    a = problem.AAt(ic, pc);
                    aStep = problem.Lda;
                }
                else
                {
                    GemmPacking.PackA(problem, ic, height, pc, kc, mr, packedA);
                    a = packedA;
                    aStep = mr;
                }

                float* c = problem.CAt(ic, 0);
                for (int jc = 0; jc < fullColumns; jc += nr)
                {
                    TKernel.Tile(height, kc, a, aStep, problem.BAt(pc, jc), problem.Ldb, c + jc, problem.Ldc, epilogue.At(jc));
                }

                if (tail != 0)
                {
                    TileEpilogue tailEpilogue = epilogue.At(fullColumns);
                    TKernel.Tile(height, kc, a, aStep, tailB, nr, tile, nr, tailEpilogue.ScaleOnly());
                    tailEpilogue.Finish(tile, nr, height, tail, c + fullColumns, problem.Ldc);
                }

                if (last)
                {
                    problem.Activate(ic, height, 0, problem.N);
                }
            }
        }
    }
}
