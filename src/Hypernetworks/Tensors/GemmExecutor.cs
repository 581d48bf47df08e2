namespace Hypernetworks.Tensors;

/// <summary>Runs one (sub-)problem on the calling thread with a concrete path.</summary>
internal static class GemmExecutor
{
    public static void Run(in GemmProblem problem, GemmPath path)
    {
        switch (path)
        {
            case GemmPath.Packed512:
                GemmPacked.Run<GemmKernel512>(problem);
                break;
            case GemmPath.Direct512 when !problem.TransposeB:
                GemmDirect.Run<GemmKernel512>(problem);
                break;
            case GemmPath.Direct512 when !problem.TransposeA && GemmDot512.IsSupported:
                GemmDot512.Run(problem);
                break;
            case GemmPath.Direct512:
                GemmPacked.Run<GemmKernel512>(problem);
                break;
            case GemmPath.Packed256:
                GemmPacked.Run<GemmKernel256>(problem);
                break;
            case GemmPath.Direct256 when !problem.TransposeB:
                GemmDirect.Run<GemmKernel256>(problem);
                break;
            case GemmPath.Direct256:
                GemmPacked.Run<GemmKernel256>(problem);
                break;
            case GemmPath.Packed128:
                GemmPacked.Run<GemmKernel128>(problem);
                break;
            case GemmPath.Direct128 when !problem.TransposeB:
                GemmDirect.Run<GemmKernel128>(problem);
                break;
            case GemmPath.Direct128:
                GemmPacked.Run<GemmKernel128>(problem);
                break;
            case GemmPath.Scalar when !problem.TransposeB:
                GemmDirect.Run<GemmKernelScalar>(problem);
                break;
            case GemmPath.Scalar:
                GemmPacked.Run<GemmKernelScalar>(problem);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(path), path, "Expected a concrete GEMM path.");
        }
    }
}
