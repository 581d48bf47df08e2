using Hypernetworks.Model.Training;
using static TorchSharp.torch;

namespace Hypernetworks.TorchSharp.Training;

/// <summary>
/// The managed optimizers' updates (Adam, AdamW, SGD with momentum) as in-place libtorch operations on the device,
/// with the same formulas (torch.optim's). State tensors live as long as the optimizer. Call <see cref="Step"/>
/// inside a dispose scope and under no_grad.
/// </summary>
internal abstract class TorchOptimizer : IDisposable
{
    private protected TorchOptimizer(IReadOnlyList<Tensor> parameters, float weightDecay)
    {
        Parameters = parameters;
        WeightDecay = weightDecay;
    }

    public IReadOnlyList<Tensor> Parameters { get; }

    public float WeightDecay { get; }

    public static TorchOptimizer Create(TrainingOptions options, IReadOnlyList<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Optimizer switch
        {
            OptimizerKind.Sgd => new TorchSgd(parameters, options.Momentum, options.WeightDecay),
            OptimizerKind.AdamW => new TorchAdam(parameters, options.WeightDecay, decoupled: true),
            _ => new TorchAdam(parameters, options.WeightDecay, decoupled: false),
        };
    }

    /// <summary>One update of every parameter from its gradient at <paramref name="learningRate"/>.</summary>
    public abstract void Step(float learningRate);

    public abstract void Dispose();

    /// <summary>A zero tensor like <paramref name="parameter"/> that no dispose scope owns.</summary>
    private protected static Tensor State(Tensor parameter) => zeros_like(parameter).DetachFromDisposeScope();
}
