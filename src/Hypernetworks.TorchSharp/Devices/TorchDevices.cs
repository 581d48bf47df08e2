using System.Globalization;
using TorchSharp;

namespace Hypernetworks.TorchSharp.Devices;

/// <summary>Parses a device name and picks the device to train on, falling back to the CPU only when allowed.</summary>
internal static class TorchDevices
{
    public static void Validate(string? device, string parameterName)
    {
        if (device is not null && Parse(device) is null)
        {
            throw new ArgumentException($"TorchSharpBackendOptions.Device is '{device}'; expected \"cpu\", \"cuda\" or \"cuda:N\" (N a GPU index).", parameterName);
        }
    }

    /// <summary>The device for <paramref name="device"/> (null: the CPU); libtorch must be loaded.</summary>
    public static torch.Device Resolve(string? device, bool fallbackToCpu)
    {
        int? gpu = device is null ? -1 : Parse(device) ?? throw new ArgumentException($"'{device}' is not a device name.", nameof(device));
        if (gpu < 0)
        {
            return torch.CPU;
        }

        bool available = torch.cuda.is_available();
        int count = available ? torch.cuda.device_count() : 0;
        if (gpu < count)
        {
            return new torch.Device(DeviceType.CUDA, gpu.Value);
        }

        if (fallbackToCpu)
        {
            return torch.CPU;
        }

        string cause = available
            ? $"only {count} CUDA device(s) are visible"
            : "this libtorch has no CUDA support or no GPU is visible (torch.cuda.is_available() is false)";
        throw new InvalidOperationException($"The TorchSharp backend was asked to train on '{device}', but {cause}. Reference a CUDA libtorch runtime package on a machine with that GPU, or allow falling back to the CPU (TorchSharpBackendOptions.FallbackToCpu, or MLContext.FallbackToCpu).");
    }

    /// <summary>-1 for the CPU, the GPU index for CUDA, null for anything else.</summary>
    private static int? Parse(string device)
    {
        string name = device.Trim().ToLowerInvariant();
        if (name == "cpu")
        {
            return -1;
        }

        if (name == "cuda")
        {
            return 0;
        }

        return name.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(name.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            ? index
            : null;
    }
}
