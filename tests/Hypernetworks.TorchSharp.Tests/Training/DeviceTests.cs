using Hypernetworks.Model;
using Hypernetworks.Model.Training;
using Hypernetworks.TorchSharp.Tests.Testing;

namespace Hypernetworks.TorchSharp.Tests.Training;

/// <summary>Device choice: CPU by default, CUDA on request, failing clearly where there is none unless falling back is allowed.</summary>
public class DeviceTests
{
    [SkippableFact]
    public void ResolveDevice_IsTheCpuByDefault()
    {
        Libtorch.Require();
        Assert.Equal("cpu", new TorchSharpBackend().ResolveDevice());
    }

    [SkippableFact]
    public void Open_FailsClearlyForCudaWithoutAGpu()
    {
        Libtorch.Require();
        Skip.If(global::TorchSharp.torch.cuda.is_available(), "a GPU is visible here");
        HypernetworkSpec spec = Specs.Tiny(GeneratorKind.SharedTrunk);
        using var network = new Hypernetwork(spec, seed: 1);
        var backend = new TorchSharpBackend(new TorchSharpBackendOptions { Device = "cuda:0" });
        var e = Assert.Throws<InvalidOperationException>(() => backend.Open(network, new TrainingOptions()));
        Assert.Contains("'cuda:0'", e.Message, StringComparison.Ordinal);
        Assert.Contains("FallbackToCpu", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Fit_FallsBackToTheCpuWhenAllowed()
    {
        Libtorch.Require();
        Skip.If(global::TorchSharp.torch.cuda.is_available(), "a GPU is visible here");
        var backend = new TorchSharpBackend(new TorchSharpBackendOptions { Device = "cuda", FallbackToCpu = true });
        Assert.Equal("cpu", backend.ResolveDevice());
        HypernetworkSpec spec = Specs.Tiny(GeneratorKind.LowRank);
        var result = Testing.Training.Run(spec, Specs.Batch(spec, 16, r => r % 2, seed: 1), new TrainingOptions { Epochs = 2, BatchSize = 8 }, backend);
        Assert.Equal(4, result.Result.Steps);
    }

    [Fact]
    public void Constructor_RejectsAnUnknownDeviceName()
    {
        var e = Assert.Throws<ArgumentException>(() => new TorchSharpBackend(new TorchSharpBackendOptions { Device = "gpu0" }));
        Assert.Equal("options", e.ParamName);
        Assert.Contains("'gpu0'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithHostDevice_MapsTheGpuIdAndFallbackUnlessADeviceWasGiven()
    {
        var fromHost = (TorchSharpBackend)new TorchSharpBackend().WithHostDevice(1, fallbackToCpu: true);
        Assert.Equal(("cuda:1", true), (fromHost.Options.Device, fromHost.Options.FallbackToCpu));
        var cpu = (TorchSharpBackend)new TorchSharpBackend().WithHostDevice(null, fallbackToCpu: false);
        Assert.Equal("cpu", cpu.Options.Device);
        var explicitDevice = new TorchSharpBackend(new TorchSharpBackendOptions { Device = "cpu" });
        Assert.Same(explicitDevice, explicitDevice.WithHostDevice(0, fallbackToCpu: false));
        Assert.Same(TrainingBackend.Managed, TrainingBackend.Managed.WithHostDevice(0, fallbackToCpu: true));
    }
}
