using System.Numerics.Tensors;
using Hypernetworks.Tensors;

namespace Hypernetworks.Model.Conditioning;

/// <summary>The mean of each slot's (support set and class's) rows, and its backward.</summary>
internal static class SlotMeans
{
    /// <summary>means[slots, width] = the mean of the rows of <paramref name="rows"/> [examples, width] in each slot.</summary>
    public static void Compute(ReadOnlySpan<float> rows, int width, SupportSets sets, Span<float> means)
    {
        means[..(sets.Counts.Length * width)].Clear();
        for (int i = 0; i < sets.Examples; i++)
        {
            Span<float> mean = means.Slice(sets.SlotOf(i) * width, width);
            TensorPrimitives.Add(mean, rows.Slice(i * width, width), mean);
        }

        for (int slot = 0; slot < sets.Counts.Length; slot++)
        {
            Span<float> mean = means.Slice(slot * width, width);
            TensorPrimitives.Multiply(mean, 1f / sets.Counts[slot], mean);
            FlushToZero.Apply(mean);
        }
    }

    /// <summary>gradRows[examples, width] = d(mean of its slot) / count of its slot.</summary>
    public static void Backward(ReadOnlySpan<float> gradMeans, int width, SupportSets sets, Span<float> gradRows)
    {
        for (int i = 0; i < sets.Examples; i++)
        {
            int slot = sets.SlotOf(i);
            TensorPrimitives.Multiply(gradMeans.Slice(slot * width, width), 1f / sets.Counts[slot], gradRows.Slice(i * width, width));
        }
    }
}
