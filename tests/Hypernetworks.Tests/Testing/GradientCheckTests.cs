using Hypernetworks.Initialization;

namespace Hypernetworks.Tests.Testing;

public class GradientCheckTests
{
    [Fact]
    public void Numerical_MatchesDerivativeOfCubicSum()
    {
        float[] x = GradientCheck.RandomValues(new SeededRandom(1), 20, -2f, 2f);
        double[] numerical = GradientCheck.Numerical(x, () => x.Sum(v => (double)v * v * v));
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(3.0 * x[i] * x[i], numerical[i], 1e-4);
        }
    }

    [Fact]
    public void Numerical_RestoresValuesBitwise()
    {
        float[] x = GradientCheck.RandomValues(new SeededRandom(2), 20);
        float[] before = (float[])x.Clone();
        GradientCheck.Numerical(x, () => x.Sum(v => Math.Sin(v)));
        Assert.Equal(before, x);
    }

    [Fact]
    public void Check_FailsForAWrongGradient()
    {
        float[] x = GradientCheck.RandomValues(new SeededRandom(3), 5);
        float[] wrong = x.Select(v => 2.1f * v).ToArray();
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GradientCheck.Check("x", x, wrong, () => x.Sum(v => (double)v * v)));
    }

    [Fact]
    public void Check_PassesForTheRightGradient()
    {
        float[] x = GradientCheck.RandomValues(new SeededRandom(4), 5);
        float[] right = x.Select(v => 2f * v).ToArray();
        GradientCheck.Check("x", x, right, () => x.Sum(v => (double)v * v));
    }
}
