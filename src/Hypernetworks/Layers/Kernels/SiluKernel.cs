using System.Runtime.Intrinsics;

namespace Hypernetworks.Layers.Kernels;

/// <summary>SiLU, x·σ(x): forward, and backward σ(x)·(1 + x·(1 − σ(x))) from the input.</summary>
internal readonly struct SiluKernel : IForwardKernel, IBackwardKernel
{
    public static float Apply(float x) => x / (1f + MathF.Exp(-x));

    public static Vector256<float> Apply(Vector256<float> x) => x / (Vector256<float>.One + Vector256.Exp(-x));

    public static Vector512<float> Apply(Vector512<float> x) => x / (Vector512<float>.One + Vector512.Exp(-x));

    public static float Apply(float x, float y, float gradY)
    {
        float s = 1f / (1f + MathF.Exp(-x));
        return gradY * s * (1f + (x * (1f - s)));
    }

    public static Vector256<float> Apply(Vector256<float> x, Vector256<float> y, Vector256<float> gradY)
    {
        Vector256<float> s = Vector256<float>.One / (Vector256<float>.One + Vector256.Exp(-x));
        return gradY * s * (Vector256<float>.One + (x * (Vector256<float>.One - s)));
    }

    public static Vector512<float> Apply(Vector512<float> x, Vector512<float> y, Vector512<float> gradY)
    {
        Vector512<float> s = Vector512<float>.One / (Vector512<float>.One + Vector512.Exp(-x));
        return gradY * s * (Vector512<float>.One + (x * (Vector512<float>.One - s)));
    }
}
