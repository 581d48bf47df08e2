namespace Hypernetworks.Model.Training;

/// <summary>The optimizer the trainer builds.</summary>
public enum OptimizerKind
{
    /// <summary>Adam; weight decay, if any, is added to the gradient (L2).</summary>
    Adam,

    /// <summary>AdamW; weight decay is decoupled from the gradient.</summary>
    AdamW,

    /// <summary>SGD with optional classical momentum (<see cref="TrainingOptions.Momentum"/>); weight decay is added to the gradient (L2).</summary>
    Sgd,
}
