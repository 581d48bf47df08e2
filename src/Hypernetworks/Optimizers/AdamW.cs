using Hypernetworks.Tensors;

namespace Hypernetworks.Optimizers;

/// <summary>
/// AdamW (Loshchilov and Hutter), as torch.optim.AdamW: Adam whose weight decay is decoupled from the gradient,
/// shrinking each value by (1 − learningRate·weightDecay) before the Adam step. One fused pass per parameter.
/// </summary>
public sealed class AdamW : AdamBase
{
    /// <summary>Creates the optimizer; its state is "exp_avg" and "exp_avg_sq" for each parameter, in that order.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="beta1">Decay of the first moment, in [0, 1).</param>
    /// <param name="beta2">Decay of the second moment, in [0, 1).</param>
    /// <param name="epsilon">Added to the denominator for stability; non-negative.</param>
    /// <param name="weightDecay">Decoupled decay coefficient; non-negative.</param>
    public AdamW(IReadOnlyList<Parameter> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0.01f)
        : base(parameters, learningRate, beta1, beta2, epsilon, weightDecay)
    {
    }

    private protected override (float GradientDecay, float ValueScale) DecayTerms() => (0f, 1f - (LearningRate * WeightDecay));
}
