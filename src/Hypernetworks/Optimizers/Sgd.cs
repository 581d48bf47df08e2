using System.Runtime.Intrinsics;
using Hypernetworks.Tensors;

namespace Hypernetworks.Optimizers;

/// <summary>
/// Stochastic gradient descent as torch.optim.SGD (no dampening): optional L2 weight decay added to the
/// gradient, optional momentum (classical or Nesterov). One fused pass per parameter, allocation-free. Gradients,
/// the momentum buffer (which decays geometrically once the gradient is zero) and values are flushed to zero below
/// <see cref="FlushToZero.Threshold"/>, so none of them enters float's denormal range.
/// </summary>
public sealed unsafe class Sgd : Optimizer
{
    private readonly AlignedBuffer[] _momentumBuffers;

    /// <summary>Creates the optimizer; with momentum its state is one "momentum_buffer" per parameter.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="momentum">The momentum factor; 0 for plain SGD.</param>
    /// <param name="weightDecay">L2 penalty coefficient added to the gradient as weightDecay·value.</param>
    /// <param name="nesterov">Use Nesterov momentum; needs a positive momentum.</param>
    public Sgd(IReadOnlyList<Parameter> parameters, float learningRate, float momentum = 0f, float weightDecay = 0f, bool nesterov = false)
        : base(parameters, learningRate)
    {
        if (!float.IsFinite(momentum) || momentum < 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "The momentum must be finite and non-negative.");
        }

        if (!float.IsFinite(weightDecay) || weightDecay < 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "The weight decay must be finite and non-negative.");
        }

        if (nesterov && momentum == 0f)
        {
            throw new ArgumentException("Nesterov momentum needs a positive momentum.", nameof(nesterov));
        }

        Momentum = momentum;
        WeightDecay = weightDecay;
        Nesterov = nesterov;
        _momentumBuffers = new AlignedBuffer[momentum == 0f ? 0 : Parameters.Count];
        for (int i = 0; i < _momentumBuffers.Length; i++)
        {
            _momentumBuffers[i] = AddState(Parameters[i], "momentum_buffer");
        }
    }

    /// <summary>The momentum factor.</summary>
    public float Momentum { get; }

    /// <summary>L2 penalty coefficient.</summary>
    public float WeightDecay { get; }

    /// <summary>Whether momentum is Nesterov's.</summary>
    public bool Nesterov { get; }

    internal override void UpdateRange(int parameter, int start, int count)
    {
        Parameter value = Parameters[parameter];
        if (Momentum == 0f)
        {
            UpdatePlain(value.Value.Pointer + start, value.Gradient.Pointer + start, count, LearningRate, WeightDecay);
        }
        else
        {
            UpdateWithMomentum(value.Value.Pointer + start, value.Gradient.Pointer + start, _momentumBuffers[parameter].Pointer + start, count, LearningRate, WeightDecay, Momentum, Nesterov);
        }
    }

    // p −= lr·(g + λ·p).
    private static void UpdatePlain(float* p, float* g, int length, float learningRate, float weightDecay)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<float>.Count <= length; i += Vector512<float>.Count)
            {
                Vector512<float> pv = Vector512.Load(p + i);
                FlushToZero.Apply(pv - ((FlushToZero.Apply(Vector512.Load(g + i)) + (pv * weightDecay)) * learningRate)).Store(p + i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<float>.Count <= length; i += Vector256<float>.Count)
            {
                Vector256<float> pv = Vector256.Load(p + i);
                FlushToZero.Apply(pv - ((FlushToZero.Apply(Vector256.Load(g + i)) + (pv * weightDecay)) * learningRate)).Store(p + i);
            }
        }

        for (; i < length; i++)
        {
            p[i] = FlushToZero.Apply(p[i] - ((FlushToZero.Apply(g[i]) + (p[i] * weightDecay)) * learningRate));
        }
    }

    // d = g + λ·p; b = μ·b + d; p −= lr·(nesterov ? d + μ·b : b). The buffer starts at zero, so the first step
    // sets b = d exactly as PyTorch's first-step copy does.
    private static void UpdateWithMomentum(float* p, float* g, float* b, int length, float learningRate, float weightDecay, float momentum, bool nesterov)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<float>.Count <= length; i += Vector512<float>.Count)
            {
                Vector512<float> pv = Vector512.Load(p + i);
                Vector512<float> dv = FlushToZero.Apply(FlushToZero.Apply(Vector512.Load(g + i)) + (pv * weightDecay));
                Vector512<float> bv = FlushToZero.Apply((Vector512.Load(b + i) * momentum) + dv);
                bv.Store(b + i);
                Vector512<float> direction = nesterov ? dv + (bv * momentum) : bv;
                FlushToZero.Apply(pv - (direction * learningRate)).Store(p + i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<float>.Count <= length; i += Vector256<float>.Count)
            {
                Vector256<float> pv = Vector256.Load(p + i);
                Vector256<float> dv = FlushToZero.Apply(FlushToZero.Apply(Vector256.Load(g + i)) + (pv * weightDecay));
                Vector256<float> bv = FlushToZero.Apply((Vector256.Load(b + i) * momentum) + dv);
                bv.Store(b + i);
                Vector256<float> direction = nesterov ? dv + (bv * momentum) : bv;
                FlushToZero.Apply(pv - (direction * learningRate)).Store(p + i);
            }
        }

        for (; i < length; i++)
        {
            float dv = FlushToZero.Apply(FlushToZero.Apply(g[i]) + (p[i] * weightDecay));
            float bv = FlushToZero.Apply((b[i] * momentum) + dv);
            b[i] = bv;
            float direction = nesterov ? dv + (bv * momentum) : bv;
            p[i] = FlushToZero.Apply(p[i] - (direction * learningRate));
        }
    }
}
