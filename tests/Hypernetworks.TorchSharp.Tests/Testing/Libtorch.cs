using Hypernetworks.TorchSharp.Native;

namespace Hypernetworks.TorchSharp.Tests.Testing;

/// <summary>Skips a test, naming the cause, where libtorch cannot be loaded.</summary>
internal static class Libtorch
{
    private static readonly Lazy<bool> s_loaded = new(Load);

    /// <summary>Loads libtorch (one intra-op thread: xunit already runs test classes side by side) or skips.</summary>
    public static void Require()
    {
        bool loaded = s_loaded.Value;
        LibTorchRuntime.TryLoad(out string failure);
        Skip.IfNot(loaded, "libtorch cannot be loaded here: " + failure);
    }

    private static bool Load()
    {
        bool loaded = LibTorchRuntime.TryLoad(out _);
        if (loaded)
        {
            global::TorchSharp.torch.set_num_threads(1);
        }

        return loaded;
    }
}
