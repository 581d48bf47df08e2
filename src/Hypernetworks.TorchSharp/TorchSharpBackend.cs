using Hypernetworks.Model;
using Hypernetworks.Model.Training;
using Hypernetworks.TorchSharp.Devices;
using Hypernetworks.TorchSharp.Native;
using Hypernetworks.TorchSharp.Training;
using TorchSharp;

namespace Hypernetworks.TorchSharp;

/// <summary>
/// Trains hypernetworks on libtorch through TorchSharp, on the CPU or a CUDA GPU. A session copies the
/// hypernetwork's parameters (as the managed model initialised or last trained them) to the device, runs every
/// step there in its own dispose scope, and writes the trained parameters back into the same
/// <see cref="Hypernetwork"/>, which then scores and saves as usual with no libtorch needed. Set it as
/// <see cref="TrainingOptions.Backend"/>. The application references the libtorch runtime package it wants
/// (libtorch-cpu-linux-x64, or a CUDA one).
/// </summary>
public sealed class TorchSharpBackend : TrainingBackend
{
    /// <summary>Creates the backend; without options it trains on the host's device, else the CPU.</summary>
    public TorchSharpBackend(TorchSharpBackendOptions? options = null)
    {
        Options = options ?? new TorchSharpBackendOptions();
        TorchDevices.Validate(Options.Device, nameof(options));
    }

    /// <summary>The options.</summary>
    public TorchSharpBackendOptions Options { get; }

    /// <inheritdoc />
    public override string Name => "torchsharp";

    /// <summary>The device the next session will train on, after any fallback to the CPU; loads libtorch.</summary>
    public string ResolveDevice()
    {
        LibTorchRuntime.EnsureLoaded();
        return TorchDevices.Resolve(Options.Device, Options.FallbackToCpu).ToString();
    }

    /// <inheritdoc />
    public override TrainingSession Open(Hypernetwork network, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        LibTorchRuntime.EnsureLoaded();
        torch.Device device = TorchDevices.Resolve(Options.Device, Options.FallbackToCpu);
        return new TorchTrainingSession(network, options, device);
    }

    /// <inheritdoc />
    public override TrainingBackend WithHostDevice(int? gpuDeviceId, bool fallbackToCpu)
    {
        if (gpuDeviceId is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(gpuDeviceId), gpuDeviceId, "A GPU device id must be non-negative.");
        }

        return Options.Device is not null
            ? this
            : new TorchSharpBackend(new TorchSharpBackendOptions
            {
                Device = gpuDeviceId is null ? "cpu" : $"cuda:{gpuDeviceId}",
                FallbackToCpu = Options.FallbackToCpu || fallbackToCpu,
            });
    }
}
