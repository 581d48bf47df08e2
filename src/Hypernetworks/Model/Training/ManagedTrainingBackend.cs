namespace Hypernetworks.Model.Training;

/// <summary>The managed engine as a <see cref="TrainingBackend"/>: trains the hypernetwork's own buffers in place.</summary>
internal sealed class ManagedTrainingBackend : TrainingBackend
{
    public override string Name => "managed";

    public override TrainingSession Open(Hypernetwork network, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        return new ManagedTrainingSession(network, options);
    }
}
