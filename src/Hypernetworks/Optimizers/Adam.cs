using Hypernetworks.Tensors;

namespace Hypernetworks.Optimizers;

/// <summary>
/// Adam (Kingma and Ba), as torch.optim.Adam: bias-corrected first and second moments, and optional L2 weight
/// decay added to the gradient before the moments see it. One fused pass per parameter, allocation-free.
/// </summary>
public sealed class Adam : AdamBase
{
    /// <summary>Creates the optimizer; its state is "exp_avg" and "exp_avg_sq" for each parameter, in that order.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="beta1">Decay of the first moment, in [0, 1).</param>
    /// <param name="beta2">Decay of the second moment, in [0, 1).</param>
    /// <param name="epsilon">Added to the denominator for stability; non-negative.</param>
    /// <param name="weightDecay">L2 penalty coefficient added to the gradient as weightDecay·value; non-negative.</param>
    public Adam(IReadOnlyList<Parameter> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f)
        : base(parameters, learningRate, beta1, beta2, epsilon, weightDecay)
    {
    }

    private protected override (float GradientDecay, float ValueScale) DecayTerms() => (WeightDecay, 1f);
}
