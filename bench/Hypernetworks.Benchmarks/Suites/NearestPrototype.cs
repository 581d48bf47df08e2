using System.Numerics.Tensors;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// Nearest class prototype in the raw features, with no learning: the floor that the few-shot suite and the few-shot
/// sample print beside the hypernetwork, on the same support sets and queries.
/// </summary>
internal static class NearestPrototype
{
    /// <summary>prototypes[ways, width] = the mean of each class's rows of <paramref name="support"/>, laid out class by class, <paramref name="shots"/> each.</summary>
    public static void Means(ReadOnlySpan<float> support, int shots, int width, Span<float> prototypes)
    {
        prototypes.Clear();
        for (int s = 0; s < support.Length / width; s++)
        {
            Span<float> prototype = prototypes.Slice(s / shots * width, width);
            TensorPrimitives.Add(prototype, support.Slice(s * width, width), prototype);
        }

        TensorPrimitives.Multiply(prototypes, 1f / shots, prototypes);
    }

    /// <summary>The class whose prototype (of <paramref name="prototypes"/>, [classes, x.Length]) is nearest to <paramref name="x"/>.</summary>
    public static int Classify(ReadOnlySpan<float> prototypes, ReadOnlySpan<float> x)
    {
        int best = 0;
        float bestDistance = float.MaxValue;
        for (int c = 0; c < prototypes.Length / x.Length; c++)
        {
            float distance = TensorPrimitives.Distance(prototypes.Slice(c * x.Length, x.Length), x);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (c, distance);
            }
        }

        return best;
    }
}
