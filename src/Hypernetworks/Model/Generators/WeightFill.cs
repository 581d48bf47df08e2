using Hypernetworks.Initialization;

namespace Hypernetworks.Model.Generators;

/// <summary>Fills parameter values from the seeded generator.</summary>
internal static class WeightFill
{
    /// <summary>Draws every value from N(0, <paramref name="standardDeviation"/>²).</summary>
    public static void Normal(SeededRandom random, Span<float> values, float standardDeviation)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.NextGaussian() * standardDeviation;
        }
    }
}
