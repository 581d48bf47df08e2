using System.Collections;
using Hypernetworks.MLNet.Transforms;

namespace Hypernetworks.MLNet.Data;

/// <summary>Transformers applied one after the other; what fitting an <see cref="EstimatorChain{TLastTransformer}"/> gives.</summary>
/// <typeparam name="TLastTransformer">The type of the last transformer.</typeparam>
public sealed class TransformerChain<TLastTransformer> : ITransformer, IEnumerable<ITransformer>
    where TLastTransformer : class, ITransformer
{
    private readonly ITransformer[] _transformers;

    /// <summary>A chain of <paramref name="transformers"/>; the last must be a <typeparamref name="TLastTransformer"/>.</summary>
    /// <param name="transformers">The transformers, in order.</param>
    public TransformerChain(params ITransformer[] transformers)
    {
        ArgumentNullException.ThrowIfNull(transformers);
        for (int i = 0; i < transformers.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(transformers[i], $"{nameof(transformers)}[{i}]");
        }

        if (transformers.Length > 0 && transformers[^1] is not TLastTransformer)
        {
            throw new ArgumentException($"The last transformer is a {transformers[^1].GetType().Name}, not a {typeof(TLastTransformer).Name}.", nameof(transformers));
        }

        _transformers = [.. transformers];
    }

    /// <summary>The last transformer, or null for an empty chain.</summary>
    public TLastTransformer? LastTransformer => _transformers.Length == 0 ? null : (TLastTransformer)_transformers[^1];

    /// <inheritdoc />
    public bool IsRowToRowMapper => _transformers.All(t => t.IsRowToRowMapper);

    /// <summary>A chain with <paramref name="transformer"/> added at the end.</summary>
    /// <typeparam name="TNewLast">The type of the added transformer.</typeparam>
    /// <param name="transformer">The transformer added.</param>
    public TransformerChain<TNewLast> Append<TNewLast>(TNewLast transformer)
        where TNewLast : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(transformer);
        return new TransformerChain<TNewLast>([.. _transformers, transformer]);
    }

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        DataViewSchema schema = inputSchema;
        foreach (ITransformer transformer in _transformers)
        {
            schema = transformer.GetOutputSchema(schema);
        }

        return schema;
    }

    /// <inheritdoc />
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        IDataView current = input;
        foreach (ITransformer transformer in _transformers)
        {
            current = transformer.Transform(current);
        }

        return current;
    }

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var mappers = new List<IRowToRowMapper>(_transformers.Length);
        DataViewSchema schema = inputSchema;
        foreach (ITransformer transformer in _transformers)
        {
            IRowToRowMapper mapper = transformer.GetRowToRowMapper(schema);
            mappers.Add(mapper);
            schema = mapper.OutputSchema;
        }

        return new ChainedRowMapper(inputSchema, mappers);
    }

    /// <inheritdoc />
    public IEnumerable<ModelComponent> GetModelComponents() => _transformers.SelectMany(t => t.GetModelComponents());

    /// <inheritdoc />
    public IEnumerator<ITransformer> GetEnumerator() => ((IEnumerable<ITransformer>)_transformers).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
