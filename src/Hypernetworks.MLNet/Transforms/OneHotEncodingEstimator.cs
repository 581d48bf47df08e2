using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>
/// One-hot encoding: learns the categories of a column (as <see cref="ValueToKeyMappingEstimator"/>), then writes
/// each value as an indicator vector, a bag of counts, or just its key.
/// </summary>
public sealed class OneHotEncodingEstimator : IEstimator<OneHotEncodingTransformer>
{
    private readonly ValueToKeyMappingEstimator _toKey;
    private readonly InputOutputColumnPair[] _outputs;
    private readonly OutputKind _outputKind;

    /// <summary>Encodes the given columns.</summary>
    /// <param name="columns">The columns and their dictionary options.</param>
    /// <param name="outputKind">How categories are written.</param>
    /// <param name="keyData">When given, the dictionary is the values of its single column.</param>
    public OneHotEncodingEstimator(ValueToKeyMappingEstimator.ColumnOptions[] columns, OutputKind outputKind = OutputKind.Indicator, IDataView? keyData = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (!Enum.IsDefined(outputKind))
        {
            throw new ArgumentOutOfRangeException(nameof(outputKind), outputKind, "Unknown output kind.");
        }

        _toKey = new ValueToKeyMappingEstimator(columns, keyData);
        _outputs = [.. columns.Select(c => new InputOutputColumnPair(c.OutputColumnName, c.OutputColumnName))];
        _outputKind = outputKind;
    }

    /// <summary>How categories are written (numbered as in ML.NET).</summary>
    public enum OutputKind : byte
    {
        /// <summary>A vector of counts over the categories (a vector input is summed).</summary>
        Bag = 1,

        /// <summary>An indicator vector per value (a vector input gives them one after the other).</summary>
        Indicator = 2,

        /// <summary>The key itself.</summary>
        Key = 3,
    }

    /// <inheritdoc />
    public OneHotEncodingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ValueToKeyMappingTransformer toKey = _toKey.Fit(input);
        KeyToVectorMappingTransformer? toVector = _outputKind == OutputKind.Key ? null : new KeyToVectorMappingTransformer(_outputKind == OutputKind.Bag, _outputs);
        return new OneHotEncodingTransformer(toKey, toVector);
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        SchemaShape keyed = _toKey.GetOutputSchema(inputSchema);
        return _outputKind == OutputKind.Key ? keyed : new KeyToVectorMappingEstimator(_outputKind == OutputKind.Bag, _outputs).GetOutputSchema(keyed);
    }
}
