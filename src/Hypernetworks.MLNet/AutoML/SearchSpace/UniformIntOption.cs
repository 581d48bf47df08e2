namespace Hypernetworks.MLNet.AutoML;

/// <summary>An integer in [min, max], uniform or uniform in log scale.</summary>
public sealed class UniformIntOption : OptionBase
{
    private readonly double[] defaultFeature;

    /// <summary>Creates the option.</summary>
    /// <param name="min">The smallest value.</param>
    /// <param name="max">The largest value (greater than <paramref name="min"/>).</param>
    /// <param name="logBase">Whether values are uniform in log scale (then <paramref name="min"/> must be positive).</param>
    /// <param name="defaultValue">The initial value; <paramref name="min"/> when null.</param>
    public UniformIntOption(int min, int max, bool logBase = false, int? defaultValue = null)
    {
        RangeChecks.Check(min, max, logBase, defaultValue ?? min);
        Min = min;
        Max = max;
        LogBase = logBase;
        DefaultValue = defaultValue ?? min;
        defaultFeature = [ToFeature(DefaultValue)];
    }

    /// <summary>Gets the smallest value.</summary>
    public int Min { get; }

    /// <summary>Gets the largest value.</summary>
    public int Max { get; }

    /// <summary>Gets whether values are uniform in log scale.</summary>
    public bool LogBase { get; }

    /// <summary>Gets the initial value.</summary>
    public int DefaultValue { get; }

    /// <inheritdoc/>
    public override int FeatureSpaceDim => 1;

    /// <inheritdoc/>
    public override IReadOnlyList<double> Default => defaultFeature;

    /// <inheritdoc/>
    public override IReadOnlyList<int?> DistinctValueCounts => [LogBase ? null : Max - Min + 1];

    /// <inheritdoc/>
    public override Parameter SampleFromFeatureSpace(ReadOnlySpan<double> feature)
    {
        CheckFeature(feature, nameof(feature));
        return Parameter.FromInt(ToValue(feature[0]));
    }

    /// <inheritdoc/>
    public override double[] MappingToFeatureSpace(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return [ToFeature(parameter.AsType<int>())];
    }

    /// <summary>Maps one coordinate to an integer of the range.</summary>
    /// <param name="feature">The coordinate.</param>
    internal int ToValue(double feature)
    {
        double f = Clamp01(feature);
        if (LogBase)
        {
            double value = Math.Exp(Math.Log(Min) + (f * (Math.Log(Max) - Math.Log(Min))));
            return (int)Math.Clamp(Math.Round(value), Min, Max);
        }

        // Equal-width buckets give every integer the same probability, the end points included.
        long span = (long)Max - Min + 1;
        return (int)Math.Min(Max, Min + (long)Math.Floor(f * span));
    }

    /// <summary>Maps an integer of the range to its coordinate.</summary>
    /// <param name="value">The integer.</param>
    internal double ToFeature(int value)
    {
        int clamped = Math.Clamp(value, Min, Max);
        return LogBase
            ? (Math.Log(clamped) - Math.Log(Min)) / (Math.Log(Max) - Math.Log(Min))
            : (clamped - (double)Min + 0.5) / ((double)Max - Min + 1);
    }
}
