using Hypernetworks.Layers;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Layers;

/// <summary>
/// Activations and their derivatives write no denormal: fed denormal inputs and gradients, or inputs so negative
/// that σ underflows (sigmoid, SiLU, GELU), they write exact zeros, and values above 1e-30 are the reference's.
/// </summary>
public class ActivationDenormalTests
{
    // Denormals, the negative inputs where e^x or σ leaves the normal range (GELU's σ(2c·(x + a·x³)) from about
    // x = −8.9, the others' from x = −69), huge ones, and ordinary ones for the reference check; 31 = 16 + 8 + 7.
    private static readonly float[] Inputs =
    [
        1e-39f, -1e-39f, 1e-44f, -1e-44f, -8.8f, -9f, -9.5f, -10.1f, -10.5f, -60f, -69f, -70f, -87f, -88f, -95f, -104f,
        -200f, -1e4f, -3e38f, 1e-37f, -1e-40f, 0.5f, -0.5f, 2f, -2f, 9f, 70f, 100f, 1e-20f, -1e-20f, 3f,
    ];

    public static TheoryData<Activation> All() => ActivationReference.All();

    [Theory]
    [MemberData(nameof(All))]
    public void Forward_WritesNoDenormal(Activation activation)
    {
        float[] y = new float[Inputs.Length];
        ActivationFunctions.Forward(activation, Inputs, y);
        Subnormals.AssertNone(y, activation.ToString());
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Forward_OutsideTheFlushedRange_MatchesFloat64Reference(Activation activation)
    {
        float[] y = new float[Inputs.Length];
        ActivationFunctions.Forward(activation, Inputs, y);
        for (int i = 0; i < Inputs.Length; i++)
        {
            double expected = Reference(activation, Inputs[i]);
            // TensorPrimitives.Tanh is off by up to 6e-8 near 0 (tanh(0) comes out as −6e-8).
            double floor = activation == Activation.Tanh ? 1e-7 : Math.Abs(expected) < 1e-30 ? 1e-30 : 1e-6;
            double tolerance = floor + (2e-6 * Math.Abs(expected));
            Assert.True(Math.Abs(y[i] - expected) <= tolerance, $"{activation}({Inputs[i]}) = {y[i]}, expected {expected}.");
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Backward_WithDenormalAndTinyGradients_WritesNoDenormal(Activation activation)
    {
        float[] y = new float[Inputs.Length];
        ActivationFunctions.Forward(activation, Inputs, y);
        float[] gradY = new float[Inputs.Length];
        Subnormals.Fill(gradY.AsSpan(0, 16));
        gradY.AsSpan(16).Fill(1e-30f);
        float[] gradX = new float[Inputs.Length];
        ActivationFunctions.Backward(activation, Inputs, y, gradY, gradX);
        Subnormals.AssertNone(gradX, activation + "'");
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Backward_WithUnitGradients_WritesNoDenormal(Activation activation)
    {
        float[] y = new float[Inputs.Length];
        ActivationFunctions.Forward(activation, Inputs, y);
        float[] gradX = new float[Inputs.Length];
        ActivationFunctions.Backward(activation, Inputs, y, Enumerable.Repeat(1f, Inputs.Length).ToArray(), gradX);
        Subnormals.AssertNone(gradX, activation + "'");
    }

    // GELU as x·σ(2u), the same function as the tanh form, whose 1 + tanh(u) cancels to 0 in float64 below x ≈ −8.
    private static double Reference(Activation activation, double x) => activation == Activation.Gelu
        ? x / (1 + Math.Exp(-2 * Math.Sqrt(2 / Math.PI) * (x + (0.044715 * x * x * x))))
        : ActivationReference.Forward(activation, x);

    [Fact]
    public void Gelu_WhereItsLogisticFactorIsBelowTheThreshold_IsExactlyZero()
    {
        float[] x = [-9.5f, -10.1f, -50f, -1e4f];
        float[] y = new float[x.Length];
        ActivationFunctions.Forward(Activation.Gelu, x, y);
        Assert.All(y, v => Assert.Equal(0, BitConverter.SingleToInt32Bits(v)));
    }
}
