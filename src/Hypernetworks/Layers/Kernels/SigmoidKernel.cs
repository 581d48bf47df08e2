using System.Runtime.Intrinsics;

namespace Hypernetworks.Layers.Kernels;

/// <summary>
/// The logistic sigmoid: forward 1 / (1 + e^(−x)) through <see cref="Logistic"/> (exactly 0 below 1e-30, never a
/// denormal), and backward from its output, gradY·y·(1 − y).
/// </summary>
internal readonly struct SigmoidKernel : IForwardKernel, IBackwardKernel
{
    public static float Apply(float x) => Logistic.Scale(1f, x);

    public static Vector256<float> Apply(Vector256<float> x) => Logistic.Scale(Vector256<float>.One, x);

    public static Vector512<float> Apply(Vector512<float> x) => Logistic.Scale(Vector512<float>.One, x);

    public static float Apply(float x, float y, float gradY) => gradY * (y * (1f - y));

    public static Vector256<float> Apply(Vector256<float> x, Vector256<float> y, Vector256<float> gradY)
        => gradY * (y * (Vector256<float>.One - y));

    public static Vector512<float> Apply(Vector512<float> x, Vector512<float> y, Vector512<float> gradY)
        => gradY * (y * (Vector512<float>.One - y));
}
