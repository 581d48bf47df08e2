using Hypernetworks.Tensors;

namespace Hypernetworks.Optimizers;

/// <summary>
/// What <see cref="Adam"/> and <see cref="AdamW"/> share: bias-corrected first and second moments updated in one
/// fused pass per parameter. They differ only in where weight decay enters. Values, gradients and moments below
/// 1e-30 count as 0, so a moment whose gradient has gone to zero decays to exactly 0 instead of through float's
/// denormal range, where every operation on it would cost x86 CPUs tens of cycles.
/// </summary>
public abstract class AdamBase : Optimizer
{
    private readonly AlignedBuffer[] _firstMoments;
    private readonly AlignedBuffer[] _secondMoments;

    // The current step's scalars, set by BeginUpdate before any range is updated.
    private float _stepSize;
    private float _bias2Sqrt;
    private float _gradientDecay;
    private float _valueScale;

    private protected AdamBase(IReadOnlyList<Parameter> parameters, float learningRate, float beta1, float beta2, float epsilon, float weightDecay)
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

    /// <summary>The weight-decay coefficient; how it applies depends on the variant.</summary>
    public float WeightDecay { get; }

    private protected override void BeginUpdate(int step)
    {
        _stepSize = (float)(LearningRate / (1.0 - Math.Pow(Beta1, step)));
        _bias2Sqrt = (float)Math.Sqrt(1.0 - Math.Pow(Beta2, step));
        (_gradientDecay, _valueScale) = DecayTerms();
    }

    internal override unsafe void UpdateRange(int parameter, int start, int count)
    {
        Parameter value = Parameters[parameter];
        AdamKernel.Update(
            value.Value.Pointer + start, value.Gradient.Pointer + start, _firstMoments[parameter].Pointer + start, _secondMoments[parameter].Pointer + start,
            count, _stepSize, _bias2Sqrt, Beta1, Beta2, Epsilon, _gradientDecay, _valueScale);
    }

    /// <summary>
    /// The decay folded into the gradient (coupled, as L2) and the factor each value is scaled by before the step
    /// (decoupled), for the current learning rate.
    /// </summary>
    private protected abstract (float GradientDecay, float ValueScale) DecayTerms();
}
