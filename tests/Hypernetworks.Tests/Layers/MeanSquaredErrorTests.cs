using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Layers;

public class MeanSquaredErrorTests
{
    [Fact]
    public void Compute_MatchesFloat64Reference()
    {
        var random = new SeededRandom(51);
        float[] prediction = GradientCheck.RandomValues(random, 37);
        float[] target = GradientCheck.RandomValues(random, 37);
        Assert.Equal(Reference(prediction, target), MeanSquaredError.Compute(prediction, target, default), 1e-6);
    }

    [Fact]
    public void Compute_GivesTheSameLossWithAndWithoutGradient()
    {
        var random = new SeededRandom(52);
        float[] prediction = GradientCheck.RandomValues(random, 37);
        float[] target = GradientCheck.RandomValues(random, 37);
        Assert.Equal(MeanSquaredError.Compute(prediction, target, default), MeanSquaredError.Compute(prediction, target, new float[37]), 1e-6);
    }

    [Fact]
    public void Gradient_MatchesFiniteDifferences()
    {
        var random = new SeededRandom(53);
        float[] prediction = GradientCheck.RandomValues(random, 37);
        float[] target = GradientCheck.RandomValues(random, 37);
        float[] grad = new float[prediction.Length];
        MeanSquaredError.Compute(prediction, target, grad);
        GradientCheck.Check("prediction", prediction, grad, () => Reference(prediction, target));
    }

    [Fact]
    public void Gradient_MatchesFiniteDifferencesOfTheLibraryLoss()
    {
        var random = new SeededRandom(54);
        float[] prediction = GradientCheck.RandomValues(random, 11);
        float[] target = GradientCheck.RandomValues(random, 11);
        float[] grad = new float[prediction.Length];
        MeanSquaredError.Compute(prediction, target, grad);
        GradientCheck.Check("prediction", prediction, grad, () => MeanSquaredError.Compute(prediction, target, default), step: 1e-2);
    }

    [Fact]
    public void Gradient_MayOverwriteThePrediction()
    {
        float[] prediction = [1f, 2f, 3f];
        float[] target = [0f, 2f, 5f];
        MeanSquaredError.Compute(prediction, target, prediction);
        Assert.Equal([2f / 3f, 0f, -4f / 3f], prediction);
    }

    [Fact]
    public void Compute_ThrowsForMismatchedTarget()
    {
        Assert.Throws<ArgumentException>("target", () => MeanSquaredError.Compute(new float[3], new float[4], default));
    }

    [Fact]
    public void Compute_ThrowsForGradientOfWrongLength()
    {
        Assert.Throws<ArgumentException>("gradPrediction", () => MeanSquaredError.Compute(new float[3], new float[3], new float[2]));
    }

    private static double Reference(float[] prediction, float[] target)
        => prediction.Zip(target, (p, t) => ((double)p - t) * ((double)p - t)).Average();
}
