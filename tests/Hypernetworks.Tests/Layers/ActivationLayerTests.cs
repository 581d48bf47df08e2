using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Layers;

public class ActivationLayerTests
{
    public static TheoryData<Activation> All() => ActivationReference.All();

    [Theory]
    [MemberData(nameof(All))]
    public void Backward_MatchesFiniteDifferences(Activation activation)
    {
        var random = new SeededRandom(21);
        float[] x = GradientCheck.RandomValuesAwayFromZero(random, 37, 3f, 0.05f);
        float[] gradY = GradientCheck.RandomValues(random, x.Length);
        float[] y = new float[x.Length];
        float[] gradX = new float[x.Length];
        using var layer = new ActivationLayer(activation, 64);
        layer.Forward(x, y);
        layer.Backward(gradY, gradX);

        using var probe = new ActivationLayer(activation, 64);
        GradientCheck.Check($"{activation} layer input", x, gradX, () =>
        {
            probe.Forward(x, y);
            return GradientCheck.WeightedSum(y, gradY);
        });
    }

    [Fact]
    public void Backward_UsesTheInputOfTheLastForward_EvenWhenForwardRanInPlace()
    {
        float[] x = [-2f, -0.5f, 0.5f, 2f];
        float[] expected = new float[x.Length];
        float[] y = new float[x.Length];
        float[] ones = [1f, 1f, 1f, 1f];
        ActivationFunctions.Forward(Activation.Gelu, x, y);
        ActivationFunctions.Backward(Activation.Gelu, x, y, ones, expected);

        using var layer = new ActivationLayer(Activation.Gelu, 4);
        layer.Forward(x, x);
        float[] actual = new float[x.Length];
        layer.Backward(ones, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Backward_ThrowsBeforeForward()
    {
        using var layer = new ActivationLayer(Activation.Relu, 4);
        Assert.Throws<InvalidOperationException>(() => layer.Backward(new float[4], new float[4]));
    }

    [Fact]
    public void Forward_ThrowsAboveCapacity()
    {
        using var layer = new ActivationLayer(Activation.Relu, 4);
        Assert.Throws<ArgumentException>("input", () => layer.Forward(new float[5], new float[5]));
    }

    [Fact]
    public void Backward_ThrowsForLengthOtherThanLastForward()
    {
        using var layer = new ActivationLayer(Activation.Tanh, 8);
        layer.Forward(new float[6], new float[6]);
        Assert.Throws<ArgumentException>("gradOutput", () => layer.Backward(new float[8], new float[8]));
    }
}
