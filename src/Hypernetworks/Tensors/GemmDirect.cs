namespace Hypernetworks.Tensors;

/// <summary>
/// The direct path for small, cache-resident shapes with B not transposed: nothing is packed, the kernel reads
/// A and B where they are. Only the last, narrower-than-a-tile columns of B are copied (zero-padded, so that
/// no read runs past B) and their tile computed off to the side.
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
        float* tailB = tail == 0 ? null : scratch.PackedB(GemmBlocking.Current.Depth(problem.K) * nr);
        float* tile = scratch.Tile(mr * nr);

        int kcStep = GemmBlocking.Current.Depth(problem.K);
        for (int pc = 0; pc < problem.K; pc += kcStep)
        {
            int kc = Math.Min(kcStep, problem.K - pc);
            TileEpilogue epilogue = problem.EpilogueFor(pc, kc);
            bool last = pc + kc >= problem.K;
            if (tail != 0)
            {
                GemmPacking.PackB(problem, pc, kc, fullColumns, tail, nr, tailB);
            }

            for (int ic = 0; ic < problem.M; ic += mr)
            {
                int height = Math.Min(mr, problem.M - ic);
                float* a = problem.AAt(ic, pc);
                float* c = problem.CAt(ic, 0);
                for (int jc = 0; jc < fullColumns; jc += nr)
                {
                    TKernel.Tile(height, kc, a, problem.ARowStride, problem.AStep, problem.BAt(pc, jc), problem.Ldb, c + jc, problem.Ldc, epilogue.At(jc));
                }

                if (tail != 0)
                {
                    TileEpilogue tailEpilogue = epilogue.At(fullColumns);
                    TKernel.Tile(height, kc, a, problem.ARowStride, problem.AStep, tailB, nr, tile, nr, tailEpilogue.ScaleOnly());
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
