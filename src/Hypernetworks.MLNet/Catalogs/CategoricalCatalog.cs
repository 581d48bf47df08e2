using Hypernetworks.MLNet.Transforms;

namespace Hypernetworks.MLNet;

/// <summary>The encodings of <see cref="TransformsCatalog.Categorical"/>.</summary>
public static class CategoricalCatalog
{
    /// <summary>One-hot encodes a column: its values become indicator vectors (or bags, or keys).</summary>
    /// <param name="catalog">The categorical catalog.</param>
    /// <param name="outputColumnName">The output column.</param>
    /// <param name="inputColumnName">The input column; <paramref name="outputColumnName"/> when null.</param>
    /// <param name="outputKind">How categories are written.</param>
    /// <param name="maximumNumberOfKeys">The largest number of categories.</param>
    /// <param name="keyOrdinality">Whether categories follow first occurrence or value order.</param>
    /// <param name="keyData">When given, the categories are the values of its single column.</param>
    public static OneHotEncodingEstimator OneHotEncoding(this TransformsCatalog.CategoricalTransforms catalog, string outputColumnName, string? inputColumnName = null,
        OneHotEncodingEstimator.OutputKind outputKind = OneHotEncodingEstimator.OutputKind.Indicator,
        int maximumNumberOfKeys = ValueToKeyMappingEstimator.Defaults.MaximumNumberOfKeys,
        ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = ValueToKeyMappingEstimator.Defaults.Ordinality, IDataView? keyData = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new OneHotEncodingEstimator([new ValueToKeyMappingEstimator.ColumnOptions(outputColumnName, inputColumnName, maximumNumberOfKeys, keyOrdinality)], outputKind, keyData);
    }

    /// <summary>One-hot encodes several columns.</summary>
    /// <param name="catalog">The categorical catalog.</param>
    /// <param name="columns">The (output, input) pairs.</param>
    /// <param name="outputKind">How categories are written.</param>
    /// <param name="maximumNumberOfKeys">The largest number of categories per column.</param>
    /// <param name="keyOrdinality">Whether categories follow first occurrence or value order.</param>
    /// <param name="keyData">When given, the categories are the values of its single column.</param>
    public static OneHotEncodingEstimator OneHotEncoding(this TransformsCatalog.CategoricalTransforms catalog, InputOutputColumnPair[] columns,
        OneHotEncodingEstimator.OutputKind outputKind = OneHotEncodingEstimator.OutputKind.Indicator,
        int maximumNumberOfKeys = ValueToKeyMappingEstimator.Defaults.MaximumNumberOfKeys,
        ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = ValueToKeyMappingEstimator.Defaults.Ordinality, IDataView? keyData = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(columns);
        return new OneHotEncodingEstimator(
            [.. columns.Select(c => new ValueToKeyMappingEstimator.ColumnOptions(c.OutputColumnName, c.InputColumnName, maximumNumberOfKeys, keyOrdinality))], outputKind, keyData);
    }
}
