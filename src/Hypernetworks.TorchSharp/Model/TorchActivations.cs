using Hypernetworks.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace Hypernetworks.TorchSharp.Model;

/// <summary>The engine's activations as libtorch functions (GELU in its tanh form, leaky ReLU with slope 0.01).</summary>
internal static class TorchActivations
{
    public static Tensor Apply(Activation activation, Tensor x) => activation switch
    {
        Activation.Identity => x,
        Activation.Relu => nn.functional.relu(x),
        Activation.LeakyRelu => nn.functional.leaky_relu(x, ActivationFunctions.LeakySlope),
        Activation.Tanh => x.tanh(),
        Activation.Sigmoid => x.sigmoid(),
        Activation.Gelu => nn.functional.gelu(x, global::TorchSharp.Modules.GELU.Approximate.tanh),
        Activation.Silu => nn.functional.silu(x),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Not a known activation."),
    };
}
