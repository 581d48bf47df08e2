using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Layers;

public class BinaryCrossEntropyWithLogitsTests
{
    [Fact]
    public void Compute_MatchesFloat64Reference()
    {
        var random = new SeededRandom(61);
        float[] logits = GradientCheck.RandomValues(random, 23, -4f, 4f);
        float[] labels = GradientCheck.RandomValues(random, 23, 0f, 1f);
        Assert.Equal(Reference(logits, labels), BinaryCrossEntropyWithLogits.Compute(logits, labels, default), 1e-6);
    }

    [Fact]
    public void Compute_IsStableForHugeLogits()
    {
        float[] logits = [-200f, 200f, -200f, 200f];
        float[] labels = [0f, 1f, 1f, 0f];
        float[] grad = new float[4];
        float loss = BinaryCrossEntropyWithLogits.Compute(logits, labels, grad);

        // Right answers cost nothing; each wrong one costs |z| = 200.
        Assert.Equal(100f, loss, 1e-3f);
        Assert.Equal([0f, 0f, -0.25f, 0.25f], grad);
    }

    [Fact]
    public void Gradient_MatchesFiniteDifferences()
    {
        var random = new SeededRandom(62);
        float[] logits = GradientCheck.RandomValues(random, 23, -4f, 4f);
        float[] labels = GradientCheck.RandomValues(random, 23, 0f, 1f);
        float[] grad = new float[logits.Length];
        BinaryCrossEntropyWithLogits.Compute(logits, labels, grad);
        GradientCheck.Check("logits", logits, grad, () => Reference(logits, labels));
    }

    [Fact]
    public void Gradient_MatchesFiniteDifferencesOfTheLibraryLoss()
    {
        var random = new SeededRandom(63);
        float[] logits = GradientCheck.RandomValues(random, 9, -4f, 4f);
        float[] labels = GradientCheck.RandomValues(random, 9, 0f, 1f);
        float[] grad = new float[logits.Length];
        BinaryCrossEntropyWithLogits.Compute(logits, labels, grad);
        GradientCheck.Check("logits", logits, grad, () => BinaryCrossEntropyWithLogits.Compute(logits, labels, default), step: 1e-2);
    }

    [Theory]
    [InlineData(1.5f)]
    [InlineData(-0.1f)]
    [InlineData(float.NaN)]
    public void Compute_ThrowsNamingTheRowOfALabelOutsideTheUnitInterval(float bad)
    {
        float[] grad = new float[3];
        var error = Assert.Throws<ArgumentOutOfRangeException>("labels", () => BinaryCrossEntropyWithLogits.Compute(new float[3], [0f, 1f, bad], grad));
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
        Assert.All(grad, g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Compute_ThrowsForMismatchedLabels()
    {
        Assert.Throws<ArgumentException>("labels", () => BinaryCrossEntropyWithLogits.Compute(new float[3], new float[2], default));
    }

    private static double Reference(float[] logits, float[] labels)
    {
        double total = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            double p = 1 / (1 + Math.Exp(-(double)logits[i]));
            total -= (labels[i] * Math.Log(p)) + ((1 - labels[i]) * Math.Log(1 - p));
        }

        return total / logits.Length;
    }
}
