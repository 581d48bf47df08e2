using System.Runtime.Intrinsics;

namespace Hypernetworks.Layers.Kernels;

/// <summary>
/// GELU in its tanh approximation, 0.5·x·(1 + tanh(c·(x + a·x³))), computed as x·σ(2c·(x + a·x³)) (the same
/// function, since 0.5·(1 + tanh u) = σ(2u)), which needs one exponential and saturates cleanly for large |x|; σ
/// through <see cref="Logistic"/>, so no denormal is made for large negative x.
/// </summary>
internal readonly struct GeluKernel : IForwardKernel, IBackwardKernel
{
    // 2·sqrt(2/π) and 2·sqrt(2/π)·0.044715: the argument of σ is x·(TwoC + TwoCA·x²).
    private const float TwoC = 1.5957691216f;
    private const float TwoCA = 0.0713548162726f;

    // The derivative of that argument is TwoC + 3·TwoCA·x².
    private const float ThreeTwoCA = 3f * TwoCA;

    // Beyond |x| = 10, σ(u)·(1 − σ(u)) < 1e-37, so the derivative's second term vanishes; clamping x inside that
    // term keeps TwoC + 3·TwoCA·x² from overflowing to infinity and making 0·∞ = NaN for huge finite inputs.
    private const float TermLimit = 10f;

    public static float Apply(float x) => Logistic.Scale(x, x * (TwoC + (TwoCA * x * x)));

    public static Vector256<float> Apply(Vector256<float> x)
        => Logistic.Scale(x, x * (Vector256.Create(TwoC) + (x * x * TwoCA)));

    public static Vector512<float> Apply(Vector512<float> x)
        => Logistic.Scale(x, x * (Vector512.Create(TwoC) + (x * x * TwoCA)));

    // d/dx [x·σ(u)] = σ(u) + x·σ(u)·(1 − σ(u))·u'.
    public static float Apply(float x, float y, float gradY)
    {
        float s = Logistic.Scale(1f, x * (TwoC + (TwoCA * x * x)));
        float xc = Math.Clamp(x, -TermLimit, TermLimit);
        return gradY * (s + (xc * s * (1f - s) * (TwoC + (ThreeTwoCA * xc * xc))));
    }

    public static Vector256<float> Apply(Vector256<float> x, Vector256<float> y, Vector256<float> gradY)
    {
        Vector256<float> s = Logistic.Scale(Vector256<float>.One, x * (Vector256.Create(TwoC) + (x * x * TwoCA)));
        Vector256<float> xc = Vector256.Clamp(x, Vector256.Create(-TermLimit), Vector256.Create(TermLimit));
        return gradY * (s + (xc * s * (Vector256<float>.One - s) * (Vector256.Create(TwoC) + (xc * xc * ThreeTwoCA))));
    }

    public static Vector512<float> Apply(Vector512<float> x, Vector512<float> y, Vector512<float> gradY)
    {
        Vector512<float> s = Logistic.Scale(Vector512<float>.One, x * (Vector512.Create(TwoC) + (x * x * TwoCA)));
        Vector512<float> xc = Vector512.Clamp(x, Vector512.Create(-TermLimit), Vector512.Create(TermLimit));
        return gradY * (s + (xc * s * (Vector512<float>.One - s) * (Vector512.Create(TwoC) + (xc * xc * ThreeTwoCA))));
    }
}
