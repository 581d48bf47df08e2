using System.Numerics.Tensors;
using Hypernetworks.Layers.Kernels;
using Hypernetworks.Tensors;

namespace Hypernetworks.Layers;

/// <summary>
/// Forward values and derivatives of each <see cref="Activation"/>, over spans: vectorised (TensorPrimitives
/// where it has the operation, Vector512/Vector256 kernels otherwise) and allocation-free. No output is a denormal,
/// whatever the input: values below 1e-30 are written as 0 (see <see cref="FlushToZero"/>).
/// </summary>
public static class ActivationFunctions
{
    /// <summary>The slope of <see cref="Activation.LeakyRelu"/> for negative inputs.</summary>
    public const float LeakySlope = 0.01f;

    /// <summary>y = f(x); <paramref name="y"/> may be the same memory as <paramref name="x"/>.</summary>
    public static void Forward(Activation activation, ReadOnlySpan<float> x, Span<float> y)
    {
        CheckLengths(x.Length, y.Length, nameof(y));
        switch (activation)
        {
            case Activation.Identity:
                x.CopyTo(y);
                FlushToZero.Apply(y);
                break;
            case Activation.Relu:
                ElementwiseLoop.Forward<ReluKernel>(x, y);
                break;
            case Activation.LeakyRelu:
                ElementwiseLoop.Forward<LeakyReluKernel>(x, y);
                break;
            case Activation.Tanh:
                TensorPrimitives.Tanh(x, y);
                FlushToZero.Apply(y);
                break;
            case Activation.Sigmoid:
                ElementwiseLoop.Forward<SigmoidKernel>(x, y);
                break;
            case Activation.Gelu:
                ElementwiseLoop.Forward<GeluKernel>(x, y);
                break;
            case Activation.Silu:
                ElementwiseLoop.Forward<SiluKernel>(x, y);
                break;
            default:
                throw UnknownActivation(activation);
        }
    }

    /// <summary>
    /// gradX = gradY · f'(x). <paramref name="x"/> is the activation's input and <paramref name="y"/> its
    /// output (some derivatives are cheaper from y). <paramref name="gradX"/> may alias <paramref name="gradY"/>.
    /// </summary>
    public static void Backward(Activation activation, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> gradY, Span<float> gradX)
    {
        CheckLengths(x.Length, y.Length, nameof(y));
        CheckLengths(x.Length, gradY.Length, nameof(gradY));
        CheckLengths(x.Length, gradX.Length, nameof(gradX));
        switch (activation)
        {
            case Activation.Identity:
                gradY.CopyTo(gradX);
                FlushToZero.Apply(gradX);
                break;
            case Activation.Relu:
                ElementwiseLoop.Backward<ReluKernel>(x, y, gradY, gradX);
                break;
            case Activation.LeakyRelu:
                ElementwiseLoop.Backward<LeakyReluKernel>(x, y, gradY, gradX);
                break;
            case Activation.Tanh:
                ElementwiseLoop.Backward<TanhKernel>(x, y, gradY, gradX);
                break;
            case Activation.Sigmoid:
                ElementwiseLoop.Backward<SigmoidKernel>(x, y, gradY, gradX);
                break;
            case Activation.Gelu:
                ElementwiseLoop.Backward<GeluKernel>(x, y, gradY, gradX);
                break;
            case Activation.Silu:
                ElementwiseLoop.Backward<SiluKernel>(x, y, gradY, gradX);
                break;
            default:
                throw UnknownActivation(activation);
        }
    }

    /// <summary>
    /// Whether f'(x) needs the input x. When false, <see cref="BackwardFromOutput"/> works from the output alone,
    /// so a layer that fuses the activation into its multiply need not keep the pre-activation values.
    /// </summary>
    public static bool DerivativeNeedsInput(Activation activation) => activation switch
    {
        Activation.Identity or Activation.Relu or Activation.LeakyRelu or Activation.Tanh or Activation.Sigmoid => false,
        Activation.Gelu or Activation.Silu => true,
        _ => throw UnknownActivation(activation),
    };

    /// <summary>
    /// gradX = gradY · f'(x) computed from the output y = f(x) alone; <paramref name="gradX"/> may alias
    /// <paramref name="gradY"/>. Only for activations where <see cref="DerivativeNeedsInput"/> is false
    /// (ReLU and leaky ReLU read the sign, which y shares with x).
    /// </summary>
    public static void BackwardFromOutput(Activation activation, ReadOnlySpan<float> y, ReadOnlySpan<float> gradY, Span<float> gradX)
    {
        if (DerivativeNeedsInput(activation))
        {
            throw new ArgumentException($"The derivative of {activation} needs the activation's input; call Backward with it.", nameof(activation));
        }

        Backward(activation, y, y, gradY, gradX);
    }

    private static void CheckLengths(int expected, int actual, string name)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"'{name}' has {actual} elements; expected {expected} to match the input.", name);
        }
    }

    private static ArgumentOutOfRangeException UnknownActivation(Activation activation)
        => new(nameof(activation), activation, $"Unknown activation {activation}; expected one of {string.Join(", ", Enum.GetNames<Activation>())}.");
}
