using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Transforms;

/// <summary>A fitted one-hot encoding: values to keys, then (unless the output kind is Key) keys to vectors.</summary>
public sealed class OneHotEncodingTransformer : ITransformer
{
    private readonly TransformerChain<ITransformer> _chain;

    internal OneHotEncodingTransformer(ValueToKeyMappingTransformer toKey, KeyToVectorMappingTransformer? toVector)
    {
        ToKey = toKey;
        ToVector = toVector;
        _chain = toVector is null ? new TransformerChain<ITransformer>(toKey) : new TransformerChain<ITransformer>(toKey, toVector);
    }

    /// <summary>The fitted value-to-key mapping.</summary>
    public ValueToKeyMappingTransformer ToKey { get; }

    /// <summary>The key-to-vector mapping, or null when the output is the key.</summary>
    public KeyToVectorMappingTransformer? ToVector { get; }

    /// <inheritdoc />
    public bool IsRowToRowMapper => true;

    /// <inheritdoc />
    public IEnumerable<ModelComponent> GetModelComponents() => _chain.GetModelComponents();

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _chain.GetOutputSchema(inputSchema);

    /// <inheritdoc />
    public IDataView Transform(IDataView input) => _chain.Transform(input);

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => _chain.GetRowToRowMapper(inputSchema);
}
