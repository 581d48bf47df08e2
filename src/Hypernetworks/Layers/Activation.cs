namespace Hypernetworks.Layers;

/// <summary>An elementwise nonlinearity.</summary>
public enum Activation
{
    /// <summary>f(x) = x.</summary>
    Identity,

    /// <summary>f(x) = max(0, x).</summary>
    Relu,

    /// <summary>f(x) = x for x &gt; 0, else 0.01·x.</summary>
    LeakyRelu,

    /// <summary>f(x) = tanh(x).</summary>
    Tanh,

    /// <summary>f(x) = 1 / (1 + e^(−x)).</summary>
    Sigmoid,

    /// <summary>f(x) = x·Φ(x), in its tanh approximation.</summary>
    Gelu,

    /// <summary>f(x) = x·sigmoid(x) (also called swish).</summary>
    Silu,
}
