using Hypernetworks.Tensors;

namespace Hypernetworks.Optimizers;

/// <summary>
/// Adam (Kingma and Ba), as torch.optim.Adam: bias-corrected first and second moments, and optional L2 weight
/// decay added to the gradient before the moments see it. One fused pass per parameter, allocation-free.
/// </summary>
public sealed class Adam : Optimizer
{
    private readonly AlignedBuffer[] _firstMoments;
    private readonly AlignedBuffer[] _secondMoments;

    /// <summary>Creates the optimizer; its state is "exp_avg" and "exp_avg_sq" for each parameter, in that order.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="beta1">Decay of the first moment, in [0, 1).</param>
    /// <param name="beta2">Decay of the second moment, in [0, 1).</param>
    /// <param name="epsilon">Added to the denominator for stability; non-negative.</param>
    /// <param name="weightDecay">L2 penalty coefficient added to the gradient as weightDecay·value; non-negative.</param>
    public Adam(IReadOnlyList<Parameter> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f)
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

    /// <summary>L2 penalty coefficient (coupled: it passes through the moments).</summary>
    public float WeightDecay { get; }

    /// <inheritdoc />
    public override void Step()
    {
        int step = BeginStep();
        for (int i = 0; i < _firstMoments.Length; i++)
        {
            AdamKernel.Update(Parameters[i], _firstMoments[i], _secondMoments[i], step, LearningRate, Beta1, Beta2, Epsilon, WeightDecay, 1f);
        }
    }
}
