using Hypernetworks.Initialization;
using Hypernetworks.Layers;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Layers;

public class SoftmaxCrossEntropyTests
{
    private const int Classes = 5;
    private static readonly int[] Labels = [0, 3, 4, 1];

    [Fact]
    public void Compute_MatchesFloat64Reference()
    {
        float[] logits = GradientCheck.RandomValues(new SeededRandom(41), Labels.Length * Classes, -3f, 3f);
        float loss = SoftmaxCrossEntropy.Compute(logits, Labels, Classes, default);
        Assert.Equal(Reference(logits), loss, 1e-6);
    }

    [Fact]
    public void Gradient_MatchesFiniteDifferences()
    {
        float[] logits = GradientCheck.RandomValues(new SeededRandom(42), Labels.Length * Classes, -3f, 3f);
        float[] grad = new float[logits.Length];
        SoftmaxCrossEntropy.Compute(logits, Labels, Classes, grad);
        GradientCheck.Check("logits", logits, grad, () => Reference(logits));
    }

    [Fact]
    public void Gradient_MatchesFiniteDifferencesOfTheLibraryLoss()
    {
        float[] logits = GradientCheck.RandomValues(new SeededRandom(43), Labels.Length * Classes, -3f, 3f);
        float[] grad = new float[logits.Length];
        SoftmaxCrossEntropy.Compute(logits, Labels, Classes, grad);
        GradientCheck.Check("logits", logits, grad, () => SoftmaxCrossEntropy.Compute(logits, Labels, Classes, default), step: 1e-2, absoluteTolerance: 2e-4);
    }

    [Fact]
    public void Compute_IsStableForHugeLogits()
    {
        float[] logits = GradientCheck.RandomValues(new SeededRandom(44), Labels.Length * Classes, -3f, 3f);
        float[] shifted = logits.Select(v => v + 1e4f).ToArray();
        float[] grad = new float[logits.Length];
        float loss = SoftmaxCrossEntropy.Compute(shifted, Labels, Classes, grad);
        Assert.Equal(Reference(shifted), loss, 1e-2);
        Assert.All(grad, g => Assert.True(float.IsFinite(g)));
    }

    [Fact]
    public void Gradient_RowsSumToZero()
    {
        float[] logits = GradientCheck.RandomValues(new SeededRandom(45), Labels.Length * Classes, -3f, 3f);
        float[] grad = new float[logits.Length];
        SoftmaxCrossEntropy.Compute(logits, Labels, Classes, grad);
        for (int row = 0; row < Labels.Length; row++)
        {
            Assert.Equal(0.0, grad.AsSpan(row * Classes, Classes).ToArray().Sum(v => (double)v), 1e-7);
        }
    }

    [Fact]
    public void Gradient_MayOverwriteTheLogits()
    {
        float[] logits = GradientCheck.RandomValues(new SeededRandom(46), Labels.Length * Classes, -3f, 3f);
        float[] expected = new float[logits.Length];
        float expectedLoss = SoftmaxCrossEntropy.Compute(logits, Labels, Classes, expected);
        float loss = SoftmaxCrossEntropy.Compute(logits, Labels, Classes, logits);
        Assert.Equal(expectedLoss, loss);
        Assert.Equal(expected, logits);
    }

    [Fact]
    public void Compute_ThrowsNamingTheRowOfAnOutOfRangeLabel()
    {
        float[] grad = new float[2 * Classes];
        var error = Assert.Throws<ArgumentOutOfRangeException>("labels", () => SoftmaxCrossEntropy.Compute(new float[2 * Classes], [1, Classes], Classes, grad));
        Assert.Contains("row 1", error.Message, StringComparison.Ordinal);
        Assert.All(grad, g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Compute_ThrowsForNegativeLabel()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>("labels", () => SoftmaxCrossEntropy.Compute(new float[Classes], [-1], Classes, default));
        Assert.Contains("row 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ThrowsForLogitsOfWrongLength()
    {
        Assert.Throws<ArgumentException>("logits", () => SoftmaxCrossEntropy.Compute(new float[7], [0, 1], Classes, default));
    }

    [Fact]
    public void Compute_ReturnsZeroForAnEmptyBatch()
    {
        Assert.Equal(0f, SoftmaxCrossEntropy.Compute(default, default, Classes, default));
    }

    private static double Reference(float[] logits)
    {
        double total = 0;
        for (int row = 0; row < Labels.Length; row++)
        {
            double[] z = logits.AsSpan(row * Classes, Classes).ToArray().Select(v => (double)v).ToArray();
            double max = z.Max();
            double logSumExp = max + Math.Log(z.Sum(v => Math.Exp(v - max)));
            total += logSumExp - z[Labels[row]];
        }

        return total / Labels.Length;
    }
}
