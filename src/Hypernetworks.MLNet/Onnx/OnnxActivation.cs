using Hypernetworks.Layers;

namespace Hypernetworks.MLNet.Onnx;

/// <summary>Emits each <see cref="Activation"/> of the core as standard ONNX operators.</summary>
internal static class OnnxActivation
{
    // GELU in the core's tanh form, x·σ(x·(2c + 2c·a·x²)) with c = √(2/π) and a = 0.044715.
    private const float TwoC = 1.5957691216f;
    private const float TwoCA = 0.0713548162726f;

    public static string Apply(OnnxGraphBuilder graph, Activation activation, string x) => activation switch
    {
        Activation.Identity => x,
        Activation.Relu => graph.Add("Relu", [x]),
        Activation.LeakyRelu => graph.Add("LeakyRelu", [x], OnnxAttribute.Of("alpha", ActivationFunctions.LeakySlope)),
        Activation.Tanh => graph.Add("Tanh", [x]),
        Activation.Sigmoid => graph.Add("Sigmoid", [x]),
        Activation.Gelu => Gelu(graph, x),
        Activation.Silu => graph.Add("Mul", [x, graph.Add("Sigmoid", [x])]),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, $"Unknown activation {activation}."),
    };

    private static string Gelu(OnnxGraphBuilder graph, string x)
    {
        string square = graph.Add("Mul", [x, x]);
        string inner = graph.Add("Add", [graph.Add("Mul", [square, graph.Float(TwoCA)]), graph.Float(TwoC)]);
        string argument = graph.Add("Mul", [x, inner]);
        return graph.Add("Mul", [x, graph.Add("Sigmoid", [argument])]);
    }
}
