using Hypernetworks.MLNet.Transforms;

namespace Hypernetworks.MLNet;

/// <summary>The normalizers of <see cref="TransformsCatalog"/>.</summary>
public static class NormalizationCatalog
{
    /// <summary>Min-max normalization of a Single column (scalar or known-size vector).</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The output column.</param>
    /// <param name="inputColumnName">The input column; <paramref name="outputColumnName"/> when null.</param>
    /// <param name="maximumExampleCount">At most this many rows are read when fitting.</param>
    /// <param name="fixZero">Whether zero must map to zero (then values land in [-1, 1], else in [0, 1]).</param>
    public static NormalizingEstimator NormalizeMinMax(this TransformsCatalog catalog, string outputColumnName, string? inputColumnName = null,
        long maximumExampleCount = NormalizingEstimator.Defaults.MaximumExampleCount, bool fixZero = NormalizingEstimator.Defaults.EnsureZeroUntouched)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new NormalizingEstimator(NormalizingEstimator.NormalizationMode.MinMax, [new InputOutputColumnPair(outputColumnName, inputColumnName)], maximumExampleCount, fixZero);
    }

    /// <summary>Min-max normalization of several Single columns.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="columns">The (output, input) pairs.</param>
    /// <param name="maximumExampleCount">At most this many rows are read when fitting.</param>
    /// <param name="fixZero">Whether zero must map to zero.</param>
    public static NormalizingEstimator NormalizeMinMax(this TransformsCatalog catalog, InputOutputColumnPair[] columns,
        long maximumExampleCount = NormalizingEstimator.Defaults.MaximumExampleCount, bool fixZero = NormalizingEstimator.Defaults.EnsureZeroUntouched)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new NormalizingEstimator(NormalizingEstimator.NormalizationMode.MinMax, columns, maximumExampleCount, fixZero);
    }

    /// <summary>Mean-variance normalization of a Single column (scalar or known-size vector).</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The output column.</param>
    /// <param name="inputColumnName">The input column; <paramref name="outputColumnName"/> when null.</param>
    /// <param name="maximumExampleCount">At most this many rows are read when fitting.</param>
    /// <param name="fixZero">Whether zero must map to zero (then values are divided by their root mean square, else centred and divided by their standard deviation).</param>
    public static NormalizingEstimator NormalizeMeanVariance(this TransformsCatalog catalog, string outputColumnName, string? inputColumnName = null,
        long maximumExampleCount = NormalizingEstimator.Defaults.MaximumExampleCount, bool fixZero = NormalizingEstimator.Defaults.EnsureZeroUntouched)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new NormalizingEstimator(NormalizingEstimator.NormalizationMode.MeanVariance, [new InputOutputColumnPair(outputColumnName, inputColumnName)], maximumExampleCount, fixZero);
    }

    /// <summary>Mean-variance normalization of several Single columns.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="columns">The (output, input) pairs.</param>
    /// <param name="maximumExampleCount">At most this many rows are read when fitting.</param>
    /// <param name="fixZero">Whether zero must map to zero.</param>
    public static NormalizingEstimator NormalizeMeanVariance(this TransformsCatalog catalog, InputOutputColumnPair[] columns,
        long maximumExampleCount = NormalizingEstimator.Defaults.MaximumExampleCount, bool fixZero = NormalizingEstimator.Defaults.EnsureZeroUntouched)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new NormalizingEstimator(NormalizingEstimator.NormalizationMode.MeanVariance, columns, maximumExampleCount, fixZero);
    }
}
