using static TorchSharp.torch;

namespace Hypernetworks.TorchSharp.Training;

/// <summary>SGD as the managed Sgd: d = g + λ·p; with momentum b = μ·b + d (b starts at zero); p −= lr·(momentum ? b : d).</summary>
internal sealed class TorchSgd : TorchOptimizer
{
    private readonly float _momentum;
    private readonly Tensor[] _buffers;

    public TorchSgd(IReadOnlyList<Tensor> parameters, float momentum, float weightDecay)
        : base(parameters, weightDecay)
    {
        _momentum = momentum;
        _buffers = momentum > 0 ? [.. parameters.Select(State)] : [];
    }

    public override void Step(float learningRate)
    {
        for (int i = 0; i < Parameters.Count; i++)
        {
            Tensor p = Parameters[i];
            Tensor d = p.grad ?? zeros_like(p);
            if (WeightDecay > 0)
            {
                d = d.add(p, WeightDecay);
            }

            if (_momentum > 0)
            {
                d = _buffers[i].mul_(_momentum).add_(d);
            }

            p.add_(d, -learningRate);
        }
    }

    public override void Dispose()
    {
        foreach (Tensor t in _buffers)
        {
            t.Dispose();
        }
    }
}
