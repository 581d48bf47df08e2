using Hypernetworks.Layers;

namespace Hypernetworks.Tests.Layers;

/// <summary>Each activation written directly from its definition, in float64, as the tests' reference.</summary>
internal static class ActivationReference
{
    public static double Forward(Activation activation, double x) => activation switch
    {
        Activation.Identity => x,
        Activation.Relu => Math.Max(x, 0),
        Activation.LeakyRelu => x > 0 ? x : 0.01 * x,
        Activation.Tanh => Math.Tanh(x),
        Activation.Sigmoid => 1 / (1 + Math.Exp(-x)),
        Activation.Gelu => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + (0.044715 * x * x * x)))),
        Activation.Silu => x / (1 + Math.Exp(-x)),
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };

    public static TheoryData<Activation> All()
    {
        var data = new TheoryData<Activation>();
        foreach (Activation activation in Enum.GetValues<Activation>())
        {
            data.Add(activation);
        }

        return data;
    }
}
