using System.Runtime.Intrinsics;

namespace Hypernetworks.Layers.Kernels;

/// <summary>tanh's backward from its output: gradY·(1 − y²).</summary>
internal readonly struct TanhKernel : IBackwardKernel
{
    public static float Apply(float x, float y, float gradY) => gradY * (1f - (y * y));

    public static Vector256<float> Apply(Vector256<float> x, Vector256<float> y, Vector256<float> gradY)
        => gradY * (Vector256<float>.One - (y * y));

    public static Vector512<float> Apply(Vector512<float> x, Vector512<float> y, Vector512<float> gradY)
        => gradY * (Vector512<float>.One - (y * y));
}
