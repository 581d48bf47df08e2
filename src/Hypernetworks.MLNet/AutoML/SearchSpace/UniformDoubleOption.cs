namespace Hypernetworks.MLNet.AutoML;

/// <summary>A real number in [min, max], uniform or uniform in log scale.</summary>
public sealed class UniformDoubleOption : OptionBase
{
    private readonly double[] defaultFeature;

    /// <summary>Creates the option.</summary>
    /// <param name="min">The smallest value.</param>
    /// <param name="max">The largest value (greater than <paramref name="min"/>).</param>
    /// <param name="logBase">Whether values are uniform in log scale (then <paramref name="min"/> must be positive).</param>
    /// <param name="defaultValue">The initial value; <paramref name="min"/> when null.</param>
    /// <param name="singlePrecision">Whether values are produced as float (for float properties).</param>
    public UniformDoubleOption(double min, double max, bool logBase = false, double? defaultValue = null, bool singlePrecision = false)
    {
        RangeChecks.Check(min, max, logBase, defaultValue ?? min);
        Min = min;
        Max = max;
        LogBase = logBase;
        DefaultValue = defaultValue ?? min;
        SinglePrecision = singlePrecision;
        defaultFeature = [ToFeature(DefaultValue)];
    }

    /// <summary>Gets the smallest value.</summary>
    public double Min { get; }

    /// <summary>Gets the largest value.</summary>
    public double Max { get; }

    /// <summary>Gets whether values are uniform in log scale.</summary>
    public bool LogBase { get; }

    /// <summary>Gets the initial value.</summary>
    public double DefaultValue { get; }

    /// <summary>Gets whether values are produced as float.</summary>
    public bool SinglePrecision { get; }

    /// <inheritdoc/>
    public override int FeatureSpaceDim => 1;

    /// <inheritdoc/>
    public override IReadOnlyList<double> Default => defaultFeature;

    /// <inheritdoc/>
    public override IReadOnlyList<int?> DistinctValueCounts => [null];

    /// <inheritdoc/>
    public override Parameter SampleFromFeatureSpace(ReadOnlySpan<double> feature)
    {
        CheckFeature(feature, nameof(feature));
        double value = ToValue(feature[0]);
        if (SinglePrecision)
        {
            // Rounding to float may step just outside the range; keep the float inside it.
            float single = (float)value;
            single = single < Min ? MathF.BitIncrement(single) : single;
            single = single > Max ? MathF.BitDecrement(single) : single;
            return Parameter.FromFloat(single);
        }

        return Parameter.FromDouble(value);
    }

    /// <inheritdoc/>
    public override double[] MappingToFeatureSpace(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return [ToFeature(parameter.AsType<double>())];
    }

    private double ToValue(double feature)
    {
        double f = Clamp01(feature);
        double value = LogBase
            ? Math.Exp(Math.Log(Min) + (f * (Math.Log(Max) - Math.Log(Min))))
            : Min + (f * (Max - Min));
        return Math.Clamp(value, Min, Max);
    }

    private double ToFeature(double value)
    {
        double clamped = Math.Clamp(value, Min, Max);
        return LogBase
            ? (Math.Log(clamped) - Math.Log(Min)) / (Math.Log(Max) - Math.Log(Min))
            : (clamped - Min) / (Max - Min);
    }
}
