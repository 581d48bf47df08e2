using System.Runtime.Intrinsics;

namespace Hypernetworks.Layers.Kernels;

/// <summary>
/// Leaky ReLU with slope <see cref="ActivationFunctions.LeakySlope"/>: forward, and a backward that reads only
/// the sign, which y shares with x.
/// </summary>
internal readonly struct LeakyReluKernel : IForwardKernel, IBackwardKernel
{
    private const float Slope = ActivationFunctions.LeakySlope;

    public static float Apply(float x) => x > 0f ? x : Slope * x;

    public static Vector256<float> Apply(Vector256<float> x)
        => Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), x, x * Slope);

    public static Vector512<float> Apply(Vector512<float> x)
        => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), x, x * Slope);

    public static float Apply(float x, float y, float gradY) => x > 0f ? gradY : Slope * gradY;

    public static Vector256<float> Apply(Vector256<float> x, Vector256<float> y, Vector256<float> gradY)
        => Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), gradY, gradY * Slope);

    public static Vector512<float> Apply(Vector512<float> x, Vector512<float> y, Vector512<float> gradY)
        => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), gradY, gradY * Slope);
}
