namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// One dimension group of a search space. Tuners work in a normalised feature space [0, 1]^d; an option
/// maps a point of its d coordinates to a parameter value and back.
/// </summary>
public abstract class OptionBase
{
    /// <summary>Gets the number of feature-space coordinates the option uses.</summary>
    public abstract int FeatureSpaceDim { get; }

    /// <summary>Gets the feature-space point of the option's default (initial) value.</summary>
    public abstract IReadOnlyList<double> Default { get; }

    /// <summary>
    /// Gets, per coordinate, the number of distinct values it can take (a choice, a small integer
    /// range), or null for a continuous coordinate. Grid search uses it.
    /// </summary>
    public abstract IReadOnlyList<int?> DistinctValueCounts { get; }

    /// <summary>Maps a feature-space point (coordinates clamped to [0, 1]) to a parameter value.</summary>
    /// <param name="feature">The option's <see cref="FeatureSpaceDim"/> coordinates.</param>
    public abstract Parameter SampleFromFeatureSpace(ReadOnlySpan<double> feature);

    /// <summary>Maps a parameter value back to its feature-space point.</summary>
    /// <param name="parameter">A value this option produced or accepts.</param>
    public abstract double[] MappingToFeatureSpace(Parameter parameter);

    /// <summary>Throws when a feature span does not have the option's dimension.</summary>
    /// <param name="feature">The feature span.</param>
    /// <param name="paramName">The caller's argument name.</param>
    protected void CheckFeature(ReadOnlySpan<double> feature, string paramName)
    {
        if (feature.Length != FeatureSpaceDim)
        {
            throw new ArgumentException(
                $"The feature point has {feature.Length} coordinates; this option expects {FeatureSpaceDim}.", paramName);
        }
    }

    /// <summary>Clamps a coordinate into [0, 1], sending NaN to 0.</summary>
    /// <param name="value">The coordinate.</param>
    protected static double Clamp01(double value) => double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);
}
