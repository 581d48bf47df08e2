using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Hypernetworks.Tensors;

namespace Hypernetworks.Layers.Kernels;

/// <summary>
/// x·σ(u) = x / (1 + e^(−u)) for the activations built on the logistic function (sigmoid, SiLU, GELU), kept out
/// of float's denormal range: the exponent is clamped to ±69.5, so e^(−u) stays between 6.6e-31 and 1.5e30 (both
/// normal), and where σ(u) would fall below <see cref="FlushToZero.Threshold"/> the result is exactly 0. Inside the
/// clamp the value is bitwise the unclamped one; beyond its positive end 1 + e^(−u) rounds to 1 either way.
/// </summary>
internal static class Logistic
{
    private const float ExponentLimit = 69.5f;

    // e^(−u) above this makes σ(u) < FlushToZero.Threshold.
    private const float Saturated = 1f / FlushToZero.Threshold;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Scale(float x, float u)
    {
        float e = MathF.Exp(Math.Clamp(-u, -ExponentLimit, ExponentLimit));
        return e > Saturated ? 0f : x / (1f + e);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Scale(Vector256<float> x, Vector256<float> u)
    {
        Vector256<float> e = Vector256.Exp(Vector256.Clamp(-u, Vector256.Create(-ExponentLimit), Vector256.Create(ExponentLimit)));
        return Vector256.AndNot(x / (Vector256<float>.One + e), Vector256.GreaterThan(e, Vector256.Create(Saturated)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Scale(Vector512<float> x, Vector512<float> u)
    {
        Vector512<float> e = Vector512.Exp(Vector512.Clamp(-u, Vector512.Create(-ExponentLimit), Vector512.Create(ExponentLimit)));
        return Vector512.AndNot(x / (Vector512<float>.One + e), Vector512.GreaterThan(e, Vector512.Create(Saturated)));
    }
}
