using Hypernetworks.TorchSharp.Native;

namespace Hypernetworks.TorchSharp.Tests.Testing;

/// <summary>Skips a test, naming the cause, where libtorch cannot be loaded.</summary>
internal static class Libtorch
{
    public static void Require()
    {
        bool loaded = LibTorchRuntime.TryLoad(out string failure);
        Skip.IfNot(loaded, "libtorch cannot be loaded here: " + failure);
    }
}
