using Hypernetworks.Layers;

namespace Hypernetworks.Tensors;

/// <summary>
/// Routes a validated product to an implementation: the path by hardware and shape (unless a test forces one),
/// then the split over threads by fixed ranges of C.
/// </summary>
internal static unsafe class GemmDispatch
{
    // 2·m·n·k below which one thread is used: about 20 µs of work on one core of this class of CPU.
    private const double ParallelFlops = 4e6;

    // The thresholds of the path choice (see PrefersDirect): the dot-product kernel's row block, and the row count
    // up to which B is read in place whatever its size (four tiles of the 12-row kernel).
    private const int DotRows = 4;
    private const int DirectRows = 48;

    /// <summary>Chooses the path and the thread count and runs the product.</summary>
    public static void Run(in GemmProblem problem)
    {
        GemmPath path = Gemm.ForcedPath == GemmPath.Auto ? ChoosePath(problem) : Gemm.ForcedPath;
        (int rowUnit, int columnUnit) = path switch
        {
            GemmPath.Packed512 or GemmPath.Direct512 => (GemmKernel512.Rows, GemmKernel512.Columns),
            GemmPath.Packed256 or GemmPath.Direct256 => (GemmKernel256.Rows, GemmKernel256.Columns),
            GemmPath.Packed128 or GemmPath.Direct128 => (GemmKernel128.Rows, GemmKernel128.Columns),
            _ => (GemmKernelScalar.Rows, GemmKernelScalar.Columns),
        };

        // Columns by default: each chunk then packs only its own part of B (A is shared, and cheap to copy), and
        // two chunks per thread let a thread that is ahead take over from one the operating system paused. The
        // activation is applied over row segments whose bounds must not depend on the split (a vectorised
        // activation may round a value differently at a different offset), so those products split by rows,
        // one chunk per thread (each row chunk packs all of B).
        int maxThreads = WorkerPool.AvailableThreads;
        bool byRows = problem.Activation != Activation.Identity || problem.N < columnUnit * maxThreads;
        int unit = byRows ? rowUnit : columnUnit;
        int units = Ceiling(byRows ? problem.M : problem.N, unit);
        double flops = 2.0 * problem.M * problem.N * problem.K;
        int threads = flops < ParallelFlops ? 1 : Math.Min(maxThreads, units);
        if (threads <= 1)
        {
            GemmExecutor.Run(problem, path);
            return;
        }

        int chunks = Math.Min(units, byRows ? threads : 2 * threads);
        GemmJob.Run(new GemmSplit(problem, path, byRows, Ceiling(units, chunks) * unit), threads);
    }

    /// <summary>k = 0 or α = 0: C = f(β·C + bias), with the same operation order as the kernels' epilogue.</summary>
    public static void ScaleOnly(in GemmProblem problem)
    {
        var epilogue = new TileEpilogue(problem.Alpha, problem.Beta, problem.Bias);
        float* zeros = stackalloc float[GemmKernelScalar.Columns];
        new Span<float>(zeros, GemmKernelScalar.Columns).Clear();
        for (int i = 0; i < problem.M; i++)
        {
            for (int j = 0; j < problem.N; j += GemmKernelScalar.Columns)
            {
                epilogue.At(j).Finish(zeros, 0, 1, Math.Min(GemmKernelScalar.Columns, problem.N - j), problem.CAt(i, j), problem.Ldc);
            }
        }

        problem.Activate(0, problem.M, 0, problem.N);
    }

    private static GemmPath ChoosePath(in GemmProblem problem)
    {
        bool direct = PrefersDirect(problem);
        if (GemmKernel512.IsSupported && GemmDot512.IsSupported)
        {
            return direct ? GemmPath.Direct512 : GemmPath.Packed512;
        }

        if (GemmKernel256.IsSupported)
        {
            return direct ? GemmPath.Direct256 : GemmPath.Packed256;
        }

        if (GemmKernel128.IsSupported)
        {
            return direct ? GemmPath.Direct128 : GemmPath.Packed128;
        }

        return GemmPath.Scalar;
    }

    // Measured on AMD Zen 5 (see GemmSuite). B not transposed: reading B in place beats packing it while B stays
    // in L2 between row blocks (up to the L2 size this CPU reports), or while there are so few row blocks that B
    // is streamed only a few times. B transposed: the dot-product kernel wins only for a handful of rows (single-row prediction, the
    // hypernetwork heads); from there on, transposing B into panels once pays for itself.
    private static bool PrefersDirect(in GemmProblem problem)
    {
        if (problem.TransposeB)
        {
            return !problem.TransposeA && problem.M <= DotRows;
        }

        long bBytes = (long)problem.K * problem.N * sizeof(float);
        return bBytes <= CpuCaches.Current.L2 || problem.M <= DirectRows;
    }

    private static int Ceiling(int value, int unit) => (value + unit - 1) / unit;
}
