namespace Hypernetworks.Model.Training;

/// <summary>The managed engine as a <see cref="TrainingBackend"/>: trains the hypernetwork's own buffers in place.</summary>
internal sealed class ManagedTrainingBackend : TrainingBackend
{
    private readonly IStepPenalty? _penalty;

    /// <summary>The plain engine, or one that adds <paramref name="penalty"/> to every step.</summary>
    public ManagedTrainingBackend(IStepPenalty? penalty = null)
    {
        _penalty = penalty;
    }

    public override string Name => "managed";

    public override TrainingSession Open(Hypernetwork network, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        return new ManagedTrainingSession(network, options, _penalty);
    }
}
