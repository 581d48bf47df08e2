using Hypernetworks.Initialization;

namespace Hypernetworks.Tests;

public class SeededRandomTests
{
    [Fact]
    public void SameSeed_GivesSameSequence()
    {
        var first = new SeededRandom(42);
        var second = new SeededRandom(42);
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(first.NextUInt64(), second.NextUInt64());
        }
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentSequences()
    {
        var first = new SeededRandom(1);
        var second = new SeededRandom(2);
        Assert.NotEqual(first.NextUInt64(), second.NextUInt64());
    }

    [Fact]
    public void NextFloat_StaysInUnitIntervalWithMeanOneHalf()
    {
        var random = new SeededRandom(7);
        double sum = 0;
        const int Count = 100_000;
        for (int i = 0; i < Count; i++)
        {
            float v = random.NextFloat();
            Assert.InRange(v, 0f, 0.99999994f);
            sum += v;
        }

        Assert.InRange(sum / Count, 0.495, 0.505);
    }

    [Fact]
    public void NextGaussian_HasUnitVariance()
    {
        var random = new SeededRandom(3);
        double sum = 0, sumSquares = 0;
        const int Count = 200_000;
        for (int i = 0; i < Count; i++)
        {
            double v = random.NextGaussian();
            sum += v;
            sumSquares += v * v;
        }

        double mean = sum / Count;
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange((sumSquares / Count) - (mean * mean), 0.98, 1.02);
    }

    [Fact]
    public void NextInt_CoversRangeUniformly()
    {
        var random = new SeededRandom(5);
        int[] counts = new int[10];
        for (int i = 0; i < 100_000; i++)
        {
            counts[random.NextInt(10)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void NextInt_ThrowsForNonPositiveBound()
    {
        var random = new SeededRandom(5);
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt(0));
    }

    [Fact]
    public void Shuffle_IsAPermutation()
    {
        var random = new SeededRandom(9);
        int[] values = Enumerable.Range(0, 100).ToArray();
        random.Shuffle(values.AsSpan());
        Assert.NotEqual(Enumerable.Range(0, 100), values);
        Assert.Equal(Enumerable.Range(0, 100), values.Order());
    }
}
