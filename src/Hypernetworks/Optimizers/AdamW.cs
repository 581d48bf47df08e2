using Hypernetworks.Tensors;

namespace Hypernetworks.Optimizers;

/// <summary>
/// AdamW (Loshchilov and Hutter), as torch.optim.AdamW: Adam whose weight decay is decoupled from the gradient,
/// shrinking each value by (1 − learningRate·weightDecay) before the Adam step. One fused pass per parameter.
/// </summary>
public sealed class AdamW : Optimizer
{
    private readonly AlignedBuffer[] _firstMoments;
    private readonly AlignedBuffer[] _secondMoments;

    /// <summary>Creates the optimizer; its state is "exp_avg" and "exp_avg_sq" for each parameter, in that order.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="beta1">Decay of the first moment, in [0, 1).</param>
    /// <param name="beta2">Decay of the second moment, in [0, 1).</param>
    /// <param name="epsilon">Added to the denominator for stability; non-negative.</param>
    /// <param name="weightDecay">Decoupled decay coefficient; non-negative.</param>
    public AdamW(IReadOnlyList<Parameter> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0.01f)
        : base(parameters, learningRate)
    {
        AdamKernel.CheckHyperparameters(beta1, beta2, epsilon, weightDecay);
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        _firstMoments = new AlignedBuffer[Parameters.Count];
        _secondMoments = new AlignedBuffer[Parameters.Count];
        for (int i = 0; i < Parameters.Count; i++)
        {
            _firstMoments[i] = AddState(Parameters[i], "exp_avg");
            _secondMoments[i] = AddState(Parameters[i], "exp_avg_sq");
        }
    }

    /// <summary>Decay of the first moment.</summary>
    public float Beta1 { get; }

    /// <summary>Decay of the second moment.</summary>
    public float Beta2 { get; }

    /// <summary>Added to the denominator for stability.</summary>
    public float Epsilon { get; }

    /// <summary>Decoupled decay coefficient.</summary>
    public float WeightDecay { get; }

    /// <inheritdoc />
    public override void Step()
    {
        int step = BeginStep();
        float valueScale = 1f - (LearningRate * WeightDecay);
        for (int i = 0; i < _firstMoments.Length; i++)
        {
            AdamKernel.Update(Parameters[i], _firstMoments[i], _secondMoments[i], step, LearningRate, Beta1, Beta2, Epsilon, 0f, valueScale);
        }
    }
}
