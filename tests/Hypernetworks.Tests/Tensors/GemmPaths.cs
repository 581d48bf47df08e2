using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Hypernetworks.Tensors;

namespace Hypernetworks.Tests.Tensors;

/// <summary>The GEMM paths this machine can run, and a scope that forces one of them on the current thread.</summary>
internal static class GemmPaths
{
    public static IEnumerable<GemmPath> Supported()
    {
        yield return GemmPath.Auto;
        yield return GemmPath.Scalar;
        if (Vector128.IsHardwareAccelerated)
        {
            yield return GemmPath.Packed128;
            yield return GemmPath.Direct128;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            yield return GemmPath.Packed256;
            yield return GemmPath.Direct256;
        }

        if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
        {
            yield return GemmPath.Packed512;
            yield return GemmPath.Direct512;
        }
    }

    public static Forced Force(GemmPath path) => new(path);

    public readonly struct Forced : IDisposable
    {
        private readonly GemmPath _previous;

        public Forced(GemmPath path)
        {
            _previous = Gemm.ForcedPath;
            Gemm.ForcedPath = path;
        }

        public void Dispose() => Gemm.ForcedPath = _previous;
    }
}
