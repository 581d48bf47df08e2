namespace Hypernetworks.MLNet.AutoML;

/// <summary>Argument checks shared by the range options.</summary>
internal static class RangeChecks
{
    public static void Check(double min, double max, bool logBase, double defaultValue)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(min < max))
        {
            throw new ArgumentException($"A range needs finite min < max; got min {min}, max {max}.", nameof(min));
        }

        if (logBase && min <= 0)
        {
            throw new ArgumentException($"A log-scale range needs min > 0; got min {min}.", nameof(min));
        }

        if (!(defaultValue >= min && defaultValue <= max))
        {
            throw new ArgumentOutOfRangeException(
                nameof(defaultValue), defaultValue, $"The initial value must lie in [{min}, {max}].");
        }
    }
}
