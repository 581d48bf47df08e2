namespace Hypernetworks.MLNet.Data;

/// <summary>An estimator that learns nothing: fitting checks the input schema and returns its fixed transformer.</summary>
/// <typeparam name="TTransformer">The transformer.</typeparam>
public abstract class TrivialEstimator<TTransformer> : IEstimator<TTransformer>
    where TTransformer : class, ITransformer
{
    /// <summary>Wraps <paramref name="transformer"/>.</summary>
    /// <param name="transformer">The transformer every fit returns.</param>
    protected TrivialEstimator(TTransformer transformer)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        Transformer = transformer;
    }

    /// <summary>The transformer every fit returns.</summary>
    protected TTransformer Transformer { get; }

    /// <inheritdoc />
    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Transformer.GetOutputSchema(input.Schema);
        return Transformer;
    }

    /// <inheritdoc />
    public abstract SchemaShape GetOutputSchema(SchemaShape inputSchema);
}
