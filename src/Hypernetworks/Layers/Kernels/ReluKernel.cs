using System.Runtime.Intrinsics;

namespace Hypernetworks.Layers.Kernels;

/// <summary>ReLU: forward max(x, 0), and a backward (gradY where x &gt; 0, else 0) that reads only the sign, which y shares with x.</summary>
internal readonly struct ReluKernel : IForwardKernel, IBackwardKernel
{
    public static float Apply(float x) => MathF.Max(x, 0f);

    public static Vector256<float> Apply(Vector256<float> x) => Vector256.Max(x, Vector256<float>.Zero);

    public static Vector512<float> Apply(Vector512<float> x) => Vector512.Max(x, Vector512<float>.Zero);

    public static float Apply(float x, float y, float gradY) => x > 0f ? gradY : 0f;

    public static Vector256<float> Apply(Vector256<float> x, Vector256<float> y, Vector256<float> gradY)
        => Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), gradY, Vector256<float>.Zero);

    public static Vector512<float> Apply(Vector512<float> x, Vector512<float> y, Vector512<float> gradY)
        => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), gradY, Vector512<float>.Zero);
}
