using System.Numerics.Tensors;

namespace Hypernetworks.Layers;

/// <summary>Forward values and derivatives of each <see cref="Activation"/>, over spans.</summary>
public static class ActivationFunctions
{
    /// <summary>The slope of <see cref="Activation.LeakyRelu"/> for negative inputs.</summary>
    public const float LeakySlope = 0.01f;

    private const float GeluC = 0.7978845608f; // sqrt(2/pi)
    private const float GeluA = 0.044715f;

    /// <summary>y = f(x); <paramref name="y"/> may be the same memory as <paramref name="x"/>.</summary>
    public static void Forward(Activation activation, ReadOnlySpan<float> x, Span<float> y)
    {
        CheckLengths(x.Length, y.Length, nameof(y));
        switch (activation)
        {
            case Activation.Identity:
                x.CopyTo(y);
                break;
            case Activation.Relu:
                TensorPrimitives.Max(x, 0f, y);
                break;
            case Activation.LeakyRelu:
                for (int i = 0; i < x.Length; i++)
                {
                    float v = x[i];
                    y[i] = v > 0 ? v : LeakySlope * v;
                }

                break;
            case Activation.Tanh:
                TensorPrimitives.Tanh(x, y);
                break;
            case Activation.Sigmoid:
                TensorPrimitives.Sigmoid(x, y);
                break;
            case Activation.Gelu:
                for (int i = 0; i < x.Length; i++)
                {
                    float v = x[i];
                    y[i] = 0.5f * v * (1f + MathF.Tanh(GeluC * (v + (GeluA * v * v * v))));
                }

                break;
            case Activation.Silu:
                for (int i = 0; i < x.Length; i++)
                {
                    float v = x[i];
                    y[i] = v / (1f + MathF.Exp(-v));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
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
                break;
            case Activation.Relu:
                for (int i = 0; i < x.Length; i++)
                {
                    gradX[i] = x[i] > 0 ? gradY[i] : 0f;
                }

                break;
            case Activation.LeakyRelu:
                for (int i = 0; i < x.Length; i++)
                {
                    gradX[i] = x[i] > 0 ? gradY[i] : LeakySlope * gradY[i];
                }

                break;
            case Activation.Tanh:
                for (int i = 0; i < x.Length; i++)
                {
                    gradX[i] = gradY[i] * (1f - (y[i] * y[i]));
                }

                break;
            case Activation.Sigmoid:
                for (int i = 0; i < x.Length; i++)
                {
                    gradX[i] = gradY[i] * y[i] * (1f - y[i]);
                }

                break;
            case Activation.Gelu:
                for (int i = 0; i < x.Length; i++)
                {
                    float v = x[i];
                    float t = MathF.Tanh(GeluC * (v + (GeluA * v * v * v)));
                    float dt = (1f - (t * t)) * GeluC * (1f + (3f * GeluA * v * v));
                    gradX[i] = gradY[i] * ((0.5f * (1f + t)) + (0.5f * v * dt));
                }

                break;
            case Activation.Silu:
                for (int i = 0; i < x.Length; i++)
                {
                    float s = 1f / (1f + MathF.Exp(-x[i]));
                    gradX[i] = gradY[i] * s * (1f + (x[i] * (1f - s)));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        }
    }

    private static void CheckLengths(int expected, int actual, string name)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"'{name}' has {actual} elements; expected {expected} to match the input.", name);
        }
    }
}
