using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Layers;

public class ActivationFunctionsTests
{
    // 16 + 8 + 7 and 100 exercise the full vectors and the tails that do not fill one.
    public static TheoryData<Activation, int> AllWithLengths()
    {
        var data = new TheoryData<Activation, int>();
        foreach (Activation activation in Enum.GetValues<Activation>())
        {
            data.Add(activation, 1);
            data.Add(activation, 31);
            data.Add(activation, 100);
        }

        return data;
    }

    public static TheoryData<Activation> All() => ActivationReference.All();

    public static TheoryData<Activation> OutputOnly() => [Activation.Identity, Activation.Relu, Activation.LeakyRelu, Activation.Tanh, Activation.Sigmoid];

    [Theory]
    [MemberData(nameof(AllWithLengths))]
    public void Forward_MatchesFloat64Reference(Activation activation, int length)
    {
        float[] x = GradientCheck.RandomValues(new SeededRandom(11), length, -6f, 6f);
        float[] y = new float[length];
        ActivationFunctions.Forward(activation, x, y);
        for (int i = 0; i < length; i++)
        {
            double expected = ActivationReference.Forward(activation, x[i]);
            Assert.True(Math.Abs(y[i] - expected) <= 1e-6 + (2e-6 * Math.Abs(expected)), $"{activation}({x[i]}) = {y[i]}, expected {expected}.");
        }
    }

    [Theory]
    [MemberData(nameof(AllWithLengths))]
    public void Backward_MatchesFiniteDifferences(Activation activation, int length)
    {
        var random = new SeededRandom(12);
        float[] x = GradientCheck.RandomValuesAwayFromZero(random, length, 4f, 0.05f);
        float[] gradY = GradientCheck.RandomValues(random, length);
        float[] y = new float[length];
        float[] gradX = new float[length];
        ActivationFunctions.Forward(activation, x, y);
        ActivationFunctions.Backward(activation, x, y, gradY, gradX);

        float[] scratch = new float[length];
        GradientCheck.Check($"{activation} input", x, gradX, () =>
        {
            ActivationFunctions.Forward(activation, x, scratch);
            return GradientCheck.WeightedSum(scratch, gradY);
        });
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Forward_InPlace_MatchesOutOfPlace(Activation activation)
    {
        float[] x = GradientCheck.RandomValues(new SeededRandom(13), 45, -5f, 5f);
        float[] expected = new float[x.Length];
        ActivationFunctions.Forward(activation, x, expected);
        ActivationFunctions.Forward(activation, x, x);
        Assert.Equal(expected, x);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Backward_InPlace_MatchesOutOfPlace(Activation activation)
    {
        var random = new SeededRandom(14);
        float[] x = GradientCheck.RandomValues(random, 45, -5f, 5f);
        float[] grad = GradientCheck.RandomValues(random, 45);
        float[] y = new float[x.Length];
        float[] expected = new float[x.Length];
        ActivationFunctions.Forward(activation, x, y);
        ActivationFunctions.Backward(activation, x, y, grad, expected);
        ActivationFunctions.Backward(activation, x, y, grad, grad);
        Assert.Equal(expected, grad);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void ForwardAndBackward_StayFiniteForLargeFiniteInputs(Activation activation)
    {
        float[] x = [-3e38f, -1e30f, -1e5f, -100f, -30f, 30f, 100f, 1e5f, 1e30f, 3e38f];
        float[] y = new float[x.Length];
        float[] gradX = new float[x.Length];
        float[] ones = Enumerable.Repeat(1f, x.Length).ToArray();
        ActivationFunctions.Forward(activation, x, y);
        ActivationFunctions.Backward(activation, x, y, ones, gradX);
        Assert.All(y, v => Assert.True(float.IsFinite(v), $"{activation} gave {v}."));
        Assert.All(gradX, v => Assert.True(float.IsFinite(v), $"{activation}' gave {v}."));
    }

    [Theory]
    [MemberData(nameof(OutputOnly))]
    public void BackwardFromOutput_MatchesBackward(Activation activation)
    {
        var random = new SeededRandom(15);
        float[] x = GradientCheck.RandomValues(random, 45, -5f, 5f);
        float[] gradY = GradientCheck.RandomValues(random, 45);
        float[] y = new float[x.Length];
        float[] expected = new float[x.Length];
        float[] actual = new float[x.Length];
        ActivationFunctions.Forward(activation, x, y);
        ActivationFunctions.Backward(activation, x, y, gradY, expected);
        ActivationFunctions.BackwardFromOutput(activation, y, gradY, actual);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(Activation.Gelu)]
    [InlineData(Activation.Silu)]
    public void BackwardFromOutput_ThrowsWhenTheDerivativeNeedsTheInput(Activation activation)
    {
        float[] values = new float[4];
        Assert.True(ActivationFunctions.DerivativeNeedsInput(activation));
        Assert.Throws<ArgumentException>("activation", () => ActivationFunctions.BackwardFromOutput(activation, values, values, values));
    }

    [Fact]
    public void Forward_ThrowsForMismatchedLengths()
    {
        Assert.Throws<ArgumentException>("y", () => ActivationFunctions.Forward(Activation.Relu, new float[4], new float[3]));
    }

    [Fact]
    public void Backward_ThrowsForMismatchedGradientLength()
    {
        float[] four = new float[4];
        Assert.Throws<ArgumentException>("gradX", () => ActivationFunctions.Backward(Activation.Tanh, four, four, four, new float[5]));
    }

    [Fact]
    public void Forward_ThrowsForUnknownActivation()
    {
        float[] four = new float[4];
        Assert.Throws<ArgumentOutOfRangeException>("activation", () => ActivationFunctions.Forward((Activation)99, four, four));
    }
}
