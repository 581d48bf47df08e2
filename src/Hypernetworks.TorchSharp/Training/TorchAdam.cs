using static TorchSharp.torch;

namespace Hypernetworks.TorchSharp.Training;

/// <summary>
/// Adam (L2 decay added to the gradient) or AdamW (decoupled decay), as the managed AdamKernel: m = β1·m + (1 − β1)·g,
/// v = β2·v + (1 − β2)·g², p = p·(1 − lr·λ for AdamW) − lr/(1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + ε) (computed as
/// b·m / (√v + ε·b) with b = √(1 − β2ᵗ), which saves a pass).
/// </summary>
internal sealed class TorchAdam : TorchOptimizer
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly Tensor[] _first;
    private readonly Tensor[] _second;
    private readonly bool _decoupled;
    private int _step;

    public TorchAdam(IReadOnlyList<Tensor> parameters, float weightDecay, bool decoupled)
        : base(parameters, weightDecay)
    {
        _decoupled = decoupled;
        _first = [.. parameters.Select(State)];
        _second = [.. parameters.Select(State)];
    }

    public override void Step(float learningRate)
    {
        _step++;
        double stepSize = learningRate / (1.0 - Math.Pow(Beta1, _step));
        double bias2Sqrt = Math.Sqrt(1.0 - Math.Pow(Beta2, _step));
        for (int i = 0; i < Parameters.Count; i++)
        {
            Tensor p = Parameters[i];
            Tensor g = p.grad ?? zeros_like(p);
            if (WeightDecay > 0 && !_decoupled)
            {
                g = g.add(p, WeightDecay);
            }

            if (WeightDecay > 0 && _decoupled)
            {
                p.mul_(1.0 - ((double)learningRate * WeightDecay));
            }

            _first[i].mul_(Beta1).add_(g, 1.0 - Beta1);
            _second[i].mul_(Beta2).addcmul_(g, g, 1.0 - Beta2);
            // m / (√v / b + ε) = b·m / (√v + ε·b): one pass fewer over v.
            Tensor denominator = _second[i].sqrt().add_(Epsilon * bias2Sqrt);
            p.addcdiv_(_first[i], denominator, -stepSize * bias2Sqrt);
        }
    }

    public override void Dispose()
    {
        foreach (Tensor t in _first.Concat(_second))
        {
            t.Dispose();
        }
    }
}
