using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet;

/// <summary>
/// Estimators fitted one after the other: each is fitted on the (lazily) transformed output of the ones before it.
/// </summary>
/// <typeparam name="TLastTransformer">The transformer the last estimator produces.</typeparam>
public sealed class EstimatorChain<TLastTransformer> : IEstimator<TransformerChain<TLastTransformer>>
    where TLastTransformer : class, ITransformer
{
    private readonly IEstimator<ITransformer>[] _estimators;
    private readonly bool[] _cacheAfter;

    /// <summary>An empty chain; fitting it gives an empty transformer chain.</summary>
    public EstimatorChain()
        : this([], [])
    {
    }

    private EstimatorChain(IEstimator<ITransformer>[] estimators, bool[] cacheAfter)
    {
        _estimators = estimators;
        _cacheAfter = cacheAfter;
    }

    /// <summary>The estimators, in order.</summary>
    public IReadOnlyList<IEstimator<ITransformer>> Estimators => _estimators;

    /// <summary>A chain with <paramref name="estimator"/> added at the end.</summary>
    /// <typeparam name="TNewTransformer">The transformer the new estimator produces.</typeparam>
    /// <param name="estimator">The estimator added.</param>
    public EstimatorChain<TNewTransformer> Append<TNewTransformer>(IEstimator<TNewTransformer> estimator)
        where TNewTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return new EstimatorChain<TNewTransformer>([.. _estimators, estimator], [.. _cacheAfter, false]);
    }

    /// <summary>
    /// A chain whose training data is cached in memory after the last estimator so far, so that estimators added
    /// later (e.g. a trainer running many epochs) do not recompute the earlier transforms.
    /// </summary>
    /// <param name="context">The context (kept for ML.NET's signature).</param>
    public EstimatorChain<TLastTransformer> AppendCacheCheckpoint(MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_estimators.Length == 0)
        {
            return this;
        }

        bool[] cacheAfter = [.. _cacheAfter];
        cacheAfter[^1] = true;
        return new EstimatorChain<TLastTransformer>(_estimators, cacheAfter);
    }

    /// <inheritdoc />
    public TransformerChain<TLastTransformer> Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var transformers = new ITransformer[_estimators.Length];
        IDataView current = input;
        for (int i = 0; i < _estimators.Length; i++)
        {
            transformers[i] = _estimators[i].Fit(current);
            if (i < _estimators.Length - 1)
            {
                current = transformers[i].Transform(current);
                if (_cacheAfter[i])
                {
                    current = new CacheDataView(current);
                }
            }
        }

        return new TransformerChain<TLastTransformer>(transformers);
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        SchemaShape shape = inputSchema;
        foreach (IEstimator<ITransformer> estimator in _estimators)
        {
            shape = estimator.GetOutputSchema(shape);
        }

        return shape;
    }
}
