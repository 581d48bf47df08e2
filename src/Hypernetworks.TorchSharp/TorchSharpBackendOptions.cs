namespace Hypernetworks.TorchSharp;

/// <summary>Options of <see cref="TorchSharpBackend"/>.</summary>
public sealed class TorchSharpBackendOptions
{
    /// <summary>
    /// The device: "cpu", "cuda" (the first GPU) or "cuda:N". Null (the default) takes the host's setting
    /// (<see cref="Hypernetworks.Model.Training.TrainingBackend.WithHostDevice"/>, e.g. ML.NET's
    /// <c>MLContext.GpuDeviceId</c>), else the CPU.
    /// </summary>
    public string? Device { get; init; }

    /// <summary>Train on the CPU when the CUDA device asked for is not there, instead of failing.</summary>
    public bool FallbackToCpu { get; init; }
}
