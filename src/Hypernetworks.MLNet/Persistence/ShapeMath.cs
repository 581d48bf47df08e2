namespace Hypernetworks.MLNet;

/// <summary>Element counts of tensor shapes, safe against overflow from hostile dimensions.</summary>
internal static class ShapeMath
{
    /// <summary>
    /// The product of the dimensions (1 for an empty shape), saturated at <see cref="long.MaxValue"/>;
    /// -1 when a dimension is negative.
    /// </summary>
    public static long ElementCount(IReadOnlyList<int> shape)
    {
        bool saturated = false;
        long count = 1;
        foreach (int dimension in shape)
        {
            if (dimension < 0)
            {
                return -1;
            }

            if (dimension == 0)
            {
                return 0;
            }

            if (count > long.MaxValue / dimension)
            {
                saturated = true;
            }
            else
            {
                count *= dimension;
            }
        }

        return saturated ? long.MaxValue : count;
    }

    public static string Format(IReadOnlyList<int> shape) => $"[{string.Join(", ", shape)}]";
}
