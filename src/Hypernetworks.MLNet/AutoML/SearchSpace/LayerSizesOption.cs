namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// The hidden layer sizes of a network: a depth in [minDepth, maxDepth] and one width per layer in
/// [minWidth, maxWidth], produced as an int array of length depth. The feature space holds the depth
/// and <c>maxDepth</c> widths; only the first <c>depth</c> widths matter, so a tuner that changes the
/// depth keeps the widths it had found for the layers that remain.
/// </summary>
public sealed class LayerSizesOption : OptionBase
{
    private readonly UniformIntOption? depth;
    private readonly UniformIntOption width;
    private readonly double[] defaultFeature;

    /// <summary>Creates the option.</summary>
    /// <param name="minDepth">The fewest layers (0 allowed: no hidden layer).</param>
    /// <param name="maxDepth">The most layers.</param>
    /// <param name="minWidth">The smallest width.</param>
    /// <param name="maxWidth">The largest width.</param>
    /// <param name="logBase">Whether widths are uniform in log scale.</param>
    /// <param name="defaultSizes">The initial sizes; <paramref name="minDepth"/> layers of <paramref name="minWidth"/> when null.</param>
    public LayerSizesOption(int minDepth, int maxDepth, int minWidth, int maxWidth, bool logBase = true, int[]? defaultSizes = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minDepth);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, minDepth);
        ArgumentOutOfRangeException.ThrowIfLessThan(minWidth, 1);
        int[] initial = defaultSizes ?? Enumerable.Repeat(minWidth, minDepth).ToArray();
        if (initial.Length < minDepth || initial.Length > maxDepth || initial.Any(w => w < minWidth || w > maxWidth))
        {
            throw new ArgumentException(
                $"The default sizes [{string.Join(", ", initial)}] must have {minDepth} to {maxDepth} widths in [{minWidth}, {maxWidth}].",
                nameof(defaultSizes));
        }

        MinDepth = minDepth;
        MaxDepth = maxDepth;
        MinWidth = minWidth;
        MaxWidth = maxWidth;
        depth = maxDepth > minDepth ? new UniformIntOption(minDepth, maxDepth, logBase: false, defaultValue: initial.Length) : null;
        int widthDefault = initial.Length > 0 ? initial[0] : minWidth;
        width = new UniformIntOption(minWidth, maxWidth, logBase, widthDefault);
        defaultFeature = Map(initial);
    }

    /// <summary>Gets the fewest layers.</summary>
    public int MinDepth { get; }

    /// <summary>Gets the most layers.</summary>
    public int MaxDepth { get; }

    /// <summary>Gets the smallest width.</summary>
    public int MinWidth { get; }

    /// <summary>Gets the largest width.</summary>
    public int MaxWidth { get; }

    /// <inheritdoc/>
    public override int FeatureSpaceDim => (depth is null ? 0 : 1) + MaxDepth;

    /// <inheritdoc/>
    public override IReadOnlyList<double> Default => defaultFeature;

    /// <inheritdoc/>
    public override IReadOnlyList<int?> DistinctValueCounts =>
        (depth is null ? [] : depth.DistinctValueCounts).Concat(Enumerable.Repeat(width.DistinctValueCounts[0], MaxDepth)).ToArray();

    /// <inheritdoc/>
    public override Parameter SampleFromFeatureSpace(ReadOnlySpan<double> feature)
    {
        CheckFeature(feature, nameof(feature));
        int offset = depth is null ? 0 : 1;
        int count = depth is null ? MinDepth : depth.ToValue(feature[0]);
        var sizes = new int[count];
        for (int i = 0; i < count; i++)
        {
            sizes[i] = width.ToValue(feature[offset + i]);
        }

        return Parameter.FromObject(sizes);
    }

    /// <summary>
    /// Maps sizes to their feature-space point; sizes outside the option (a first trial's given value) map to the
    /// nearest: the depth clamped (missing layers at the default width) and every width clamped.
    /// </summary>
    /// <param name="parameter">The sizes.</param>
    public override double[] MappingToFeatureSpace(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return Map(parameter.AsType<int[]>());
    }

    private double[] Map(int[] given)
    {
        int[] sizes = [.. given.Take(MaxDepth), .. Enumerable.Repeat(width.DefaultValue, Math.Max(0, MinDepth - given.Length))];
        int offset = depth is null ? 0 : 1;
        var feature = new double[FeatureSpaceDim];
        if (depth is not null)
        {
            feature[0] = depth.ToFeature(sizes.Length);
        }

        // Layers beyond the depth keep the default width's coordinate: they are inert until the depth grows.
        for (int i = 0; i < MaxDepth; i++)
        {
            feature[offset + i] = width.ToFeature(i < sizes.Length ? sizes[i] : width.DefaultValue);
        }

        return feature;
    }
}
