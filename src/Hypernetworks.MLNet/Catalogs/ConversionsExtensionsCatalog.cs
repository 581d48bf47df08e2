using Hypernetworks.MLNet.Transforms;

namespace Hypernetworks.MLNet;

/// <summary>The conversions of <see cref="TransformsCatalog.Conversion"/>.</summary>
public static class ConversionsExtensionsCatalog
{
    /// <summary>Maps the values of a column to 1-based keys (0 for missing or unseen values).</summary>
    /// <param name="catalog">The conversion catalog.</param>
    /// <param name="outputColumnName">The output key column.</param>
    /// <param name="inputColumnName">The input column; <paramref name="outputColumnName"/> when null.</param>
    /// <param name="maximumNumberOfKeys">The largest number of keys.</param>
    /// <param name="keyOrdinality">Whether keys follow first occurrence or value order.</param>
    /// <param name="keyData">When given, the dictionary is the values of its single column.</param>
    public static ValueToKeyMappingEstimator MapValueToKey(this TransformsCatalog.ConversionTransforms catalog, string outputColumnName, string? inputColumnName = null,
        int maximumNumberOfKeys = ValueToKeyMappingEstimator.Defaults.MaximumNumberOfKeys,
        ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = ValueToKeyMappingEstimator.Defaults.Ordinality, IDataView? keyData = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ValueToKeyMappingEstimator([new ValueToKeyMappingEstimator.ColumnOptions(outputColumnName, inputColumnName, maximumNumberOfKeys, keyOrdinality)], keyData);
    }

    /// <summary>Maps the values of several columns to keys.</summary>
    /// <param name="catalog">The conversion catalog.</param>
    /// <param name="columns">The (output, input) pairs.</param>
    /// <param name="maximumNumberOfKeys">The largest number of keys per column.</param>
    /// <param name="keyOrdinality">Whether keys follow first occurrence or value order.</param>
    /// <param name="keyData">When given, the dictionary is the values of its single column.</param>
    public static ValueToKeyMappingEstimator MapValueToKey(this TransformsCatalog.ConversionTransforms catalog, InputOutputColumnPair[] columns,
        int maximumNumberOfKeys = ValueToKeyMappingEstimator.Defaults.MaximumNumberOfKeys,
        ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = ValueToKeyMappingEstimator.Defaults.Ordinality, IDataView? keyData = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(columns);
        return new ValueToKeyMappingEstimator(
            [.. columns.Select(c => new ValueToKeyMappingEstimator.ColumnOptions(c.OutputColumnName, c.InputColumnName, maximumNumberOfKeys, keyOrdinality))], keyData);
    }

    /// <summary>Maps keys back to the values of their key values annotation.</summary>
    /// <param name="catalog">The conversion catalog.</param>
    /// <param name="outputColumnName">The output column.</param>
    /// <param name="inputColumnName">The input key column; <paramref name="outputColumnName"/> when null.</param>
    public static KeyToValueMappingEstimator MapKeyToValue(this TransformsCatalog.ConversionTransforms catalog, string outputColumnName, string? inputColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new KeyToValueMappingEstimator(new InputOutputColumnPair(outputColumnName, inputColumnName));
    }

    /// <summary>Maps keys of several columns back to values.</summary>
    /// <param name="catalog">The conversion catalog.</param>
    /// <param name="columns">The (output, input) pairs.</param>
    public static KeyToValueMappingEstimator MapKeyToValue(this TransformsCatalog.ConversionTransforms catalog, InputOutputColumnPair[] columns)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new KeyToValueMappingEstimator(columns);
    }

    /// <summary>Maps keys to indicator vectors (or, for vectors of keys with <paramref name="outputCountVector"/>, to counts).</summary>
    /// <param name="catalog">The conversion catalog.</param>
    /// <param name="outputColumnName">The output column.</param>
    /// <param name="inputColumnName">The input key column; <paramref name="outputColumnName"/> when null.</param>
    /// <param name="outputCountVector">Whether a vector of keys gives one vector of counts.</param>
    public static KeyToVectorMappingEstimator MapKeyToVector(this TransformsCatalog.ConversionTransforms catalog, string outputColumnName, string? inputColumnName = null, bool outputCountVector = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new KeyToVectorMappingEstimator(outputCountVector, new InputOutputColumnPair(outputColumnName, inputColumnName));
    }
}
