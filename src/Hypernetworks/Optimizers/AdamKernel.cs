using System.Runtime.Intrinsics;
using Hypernetworks.Tensors;

namespace Hypernetworks.Optimizers;

/// <summary>
/// The Adam update as one fused pass over a parameter's value, gradient and both moments (Vector512, then
/// Vector256, then scalar; the same operations in the same order at every width, so a value's update does not
/// depend on its position). Shared by <see cref="Adam"/> (L2 decay folded into the gradient) and
/// <see cref="AdamW"/> (decoupled decay scaling the value).
/// </summary>
internal static unsafe class AdamKernel
{
    public static void CheckHyperparameters(float beta1, float beta2, float epsilon, float weightDecay)
    {
        if (!(beta1 >= 0f && beta1 < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "beta1 must be in [0, 1).");
        }

        if (!(beta2 >= 0f && beta2 < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "beta2 must be in [0, 1).");
        }

        if (!float.IsFinite(epsilon) || epsilon < 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be finite and non-negative.");
        }

        if (!float.IsFinite(weightDecay) || weightDecay < 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "The weight decay must be finite and non-negative.");
        }
    }

    /// <summary>
    /// Over <paramref name="length"/> values: g' = g + l2·p; m = β1·m + (1 − β1)·g'; v = β2·v + (1 − β2)·g'²;
    /// p = p·valueScale − stepSize·m / (√v / bias2Sqrt + ε), with stepSize = lr / (1 − β1ᵗ) and
    /// bias2Sqrt = √(1 − β2ᵗ) for step t, as torch.optim.Adam computes it. What decays geometrically is kept out of
    /// the denormal range (<see cref="FlushToZero"/>): m and v are flushed, so the moments of a parameter whose
    /// gradient has gone to zero decay to exactly 0; g'² enters v only where (1 − β2)·g'² is at least the flush
    /// threshold, so a tiny gradient's square never underflows; and with weight decay (l2 or a value scale below 1),
    /// which shrinks a value whose update is zero, p is flushed too. The gradient itself is not: the layers that make
    /// it flush their outputs, so it is denormal only where a product of two small values underflowed, and then it
    /// costs that step, not every step after. Without weight decay the value's flush is skipped.
    /// </summary>
    public static void Update(
        float* p, float* g, float* m, float* v, int length,
        float stepSize, float bias2Sqrt, float beta1, float beta2, float epsilon, float l2, float valueScale)
    {
        float oneMinusBeta1 = 1f - beta1;
        float oneMinusBeta2 = 1f - beta2;
        float squareFloor = MathF.Sqrt(FlushToZero.Threshold / oneMinusBeta2);
        bool decays = l2 != 0f || valueScale != 1f;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<float>.Count <= length; i += Vector512<float>.Count)
            {
                Vector512<float> pv = Vector512.Load(p + i);
                Vector512<float> gv = Vector512.Load(g + i) + (pv * l2);
                Vector512<float> gs = Vector512.AndNot(gv, Vector512.LessThan(Vector512.Abs(gv), Vector512.Create(squareFloor)));
                Vector512<float> mv = FlushToZero.Apply((Vector512.Load(m + i) * beta1) + (gv * oneMinusBeta1));
                Vector512<float> vv = FlushToZero.Apply((Vector512.Load(v + i) * beta2) + (gs * gs * oneMinusBeta2));
                Vector512<float> denominator = (Vector512.Sqrt(vv) / bias2Sqrt) + Vector512.Create(epsilon);
                mv.Store(m + i);
                vv.Store(v + i);
                Vector512<float> pn = (pv * valueScale) - (mv / denominator * stepSize);
                (decays ? FlushToZero.Apply(pn) : pn).Store(p + i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<float>.Count <= length; i += Vector256<float>.Count)
            {
                Vector256<float> pv = Vector256.Load(p + i);
                Vector256<float> gv = Vector256.Load(g + i) + (pv * l2);
                Vector256<float> gs = Vector256.AndNot(gv, Vector256.LessThan(Vector256.Abs(gv), Vector256.Create(squareFloor)));
                Vector256<float> mv = FlushToZero.Apply((Vector256.Load(m + i) * beta1) + (gv * oneMinusBeta1));
                Vector256<float> vv = FlushToZero.Apply((Vector256.Load(v + i) * beta2) + (gs * gs * oneMinusBeta2));
                Vector256<float> denominator = (Vector256.Sqrt(vv) / bias2Sqrt) + Vector256.Create(epsilon);
                mv.Store(m + i);
                vv.Store(v + i);
                Vector256<float> pn = (pv * valueScale) - (mv / denominator * stepSize);
                (decays ? FlushToZero.Apply(pn) : pn).Store(p + i);
            }
        }

        for (; i < length; i++)
        {
            float pv = p[i];
            float gv = g[i] + (pv * l2);
            float gs = MathF.Abs(gv) < squareFloor ? 0f : gv;
            float mv = FlushToZero.Apply((m[i] * beta1) + (gv * oneMinusBeta1));
            float vv = FlushToZero.Apply((v[i] * beta2) + (gs * gs * oneMinusBeta2));
            float denominator = (MathF.Sqrt(vv) / bias2Sqrt) + epsilon;
            m[i] = mv;
            v[i] = vv;
            float pn = (pv * valueScale) - (mv / denominator * stepSize);
            p[i] = decays ? FlushToZero.Apply(pn) : pn;
        }
    }
}
