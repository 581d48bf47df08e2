namespace Hypernetworks.MLNet;

/// <summary>Argument checks shared by the metric calculators; messages name the operand and the row.</summary>
internal static class MetricChecks
{
    public static void NotEmpty(int length, string name)
    {
        if (length == 0)
        {
            throw new ArgumentException("Metrics need at least one row; the input is empty.", name);
        }
    }

    public static void SameLength(int expected, int actual, string expectedName, string actualName)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"'{actualName}' has {actual} rows but '{expectedName}' has {expected}; they must have one value per row.", actualName);
        }
    }

    public static void Finite(ReadOnlySpan<float> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"'{name}' holds {values[i]} at row {i}; metrics need finite values.", name);
            }
        }
    }

    public static void Probabilities(ReadOnlySpan<float> values, string name, int valuesPerRow)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!(values[i] >= 0f && values[i] <= 1f))
            {
                throw new ArgumentException($"'{name}' holds {values[i]} at row {i / valuesPerRow}; probabilities must lie in [0, 1].", name);
            }
        }
    }
}
