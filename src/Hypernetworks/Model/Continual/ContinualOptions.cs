namespace Hypernetworks.Model.Continual;

/// <summary>Options of <see cref="ContinualHypernetwork.Learn"/>: the output regulariser of von Oswald et al. (2020).</summary>
public sealed class ContinualOptions
{
    /// <summary>The default <see cref="Regularization"/>, measured on Split Fashion-MNIST (the benchmark suite "continual").</summary>
    public const float DefaultRegularization = 0.01f;

    /// <summary>
    /// β: while new tasks are learned, β · the mean over earlier tasks t' of ‖h(e_t') − h*(e_t')‖² is added to the
    /// loss, h* being the hypernetwork before the new tasks. 0 turns the regulariser off (earlier tasks are forgotten).
    /// </summary>
    public float Regularization { get; init; } = DefaultRegularization;

    /// <summary>Whether the targets h*(e_t') are stored or recomputed from a frozen copy.</summary>
    public ContinualTargets Targets { get; init; } = ContinualTargets.Stored;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (!(Regularization >= 0 && float.IsFinite(Regularization)))
        {
            throw new ArgumentException($"ContinualOptions.Regularization is {Regularization}; it must be non-negative and finite.", nameof(Regularization));
        }

        if (!Enum.IsDefined(Targets))
        {
            throw new ArgumentException($"ContinualOptions.Targets is {Targets}, not a known kind.", nameof(Targets));
        }
    }
}
