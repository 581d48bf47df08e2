using System.Runtime.Intrinsics;

namespace Hypernetworks.Layers.Kernels;

/// <summary>
/// SiLU, x·σ(x): forward, and backward σ(x)·(1 + x·(1 − σ(x))) from the input; σ through <see cref="Logistic"/>, so
/// no denormal is made for large negative x.
/// </summary>
internal readonly struct SiluKernel : IForwardKernel, IBackwardKernel
{
    public static float Apply(float x) => Logistic.Scale(x, x);

    public static Vector256<float> Apply(Vector256<float> x) => Logistic.Scale(x, x);

    public static Vector512<float> Apply(Vector512<float> x) => Logistic.Scale(x, x);

    public static float Apply(float x, float y, float gradY)
    {
        float s = Logistic.Scale(1f, x);
        return gradY * s * (1f + (x * (1f - s)));
    }

    public static Vector256<float> Apply(Vector256<float> x, Vector256<float> y, Vector256<float> gradY)
    {
        Vector256<float> s = Logistic.Scale(Vector256<float>.One, x);
        return gradY * s * (Vector256<float>.One + (x * (Vector256<float>.One - s)));
    }

    public static Vector512<float> Apply(Vector512<float> x, Vector512<float> y, Vector512<float> gradY)
    {
        Vector512<float> s = Logistic.Scale(Vector512<float>.One, x);
        return gradY * s * (Vector512<float>.One + (x * (Vector512<float>.One - s)));
    }
}
