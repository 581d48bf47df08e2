namespace Hypernetworks.Model.Training;

/// <summary>
/// The engine that <see cref="TrainingLoop"/> runs its steps on. The loop keeps batching, epochs, the schedule,
/// validation, early stopping, the NaN/Inf guard, cancellation and progress; a backend computes losses and
/// gradients and updates the parameters. <see cref="Managed"/> (the default) trains the hypernetwork's own buffers
/// on this library's engine; another backend (for example Hypernetworks.TorchSharp's) copies the parameters in when
/// a session opens and writes them back into the same <see cref="Hypernetwork"/> when it ends, so the trained model
/// is the same currency either way.
/// </summary>
public abstract class TrainingBackend
{
    /// <summary>The managed engine: trains in place, allocation-free once warm.</summary>
    public static TrainingBackend Managed { get; } = new ManagedTrainingBackend();

    /// <summary>A short name for logs and benchmarks, e.g. "managed" or "torchsharp".</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Opens a session that trains <paramref name="network"/>'s parameters, as they are now, with the optimizer,
    /// weight decay and clipping of <paramref name="options"/>.
    /// </summary>
    public abstract TrainingSession Open(Hypernetwork network, TrainingOptions options);

    /// <summary>
    /// This backend with a host's device settings applied (ML.NET's <c>MLContext.GpuDeviceId</c> and
    /// <c>MLContext.FallbackToCpu</c>): a null <paramref name="gpuDeviceId"/> asks for the CPU. A device the backend
    /// was given explicitly wins over these. Backends without devices (the managed one) return themselves.
    /// </summary>
    public virtual TrainingBackend WithHostDevice(int? gpuDeviceId, bool fallbackToCpu) => this;

    /// <inheritdoc />
    public override string ToString() => Name;
}
