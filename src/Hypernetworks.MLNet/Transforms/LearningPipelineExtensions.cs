using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet;

/// <summary>Builds pipelines with <c>Append</c>.</summary>
public static class LearningPipelineExtensions
{
    /// <summary>A chain of <paramref name="start"/> then <paramref name="estimator"/>.</summary>
    /// <typeparam name="TTransformer">The transformer <paramref name="estimator"/> produces.</typeparam>
    /// <param name="start">The first estimator.</param>
    /// <param name="estimator">The estimator appended.</param>
    public static EstimatorChain<TTransformer> Append<TTransformer>(this IEstimator<ITransformer> start, IEstimator<TTransformer> estimator)
        where TTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(estimator);
        return new EstimatorChain<ITransformer>().Append(start).Append(estimator);
    }

    /// <summary>A chain of <paramref name="start"/> whose output is cached in memory while later estimators are fitted.</summary>
    /// <typeparam name="TTransformer">The transformer <paramref name="start"/> produces.</typeparam>
    /// <param name="start">The estimator whose output is cached.</param>
    /// <param name="context">The context.</param>
    public static EstimatorChain<TTransformer> AppendCacheCheckpoint<TTransformer>(this IEstimator<TTransformer> start, MLContext context)
        where TTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        return new EstimatorChain<ITransformer>().Append(start).AppendCacheCheckpoint(context);
    }

    /// <summary>A chain of <paramref name="start"/> then <paramref name="transformer"/>.</summary>
    /// <typeparam name="TTransformer">The type of <paramref name="transformer"/>.</typeparam>
    /// <param name="start">The first transformer.</param>
    /// <param name="transformer">The transformer appended.</param>
    public static TransformerChain<TTransformer> Append<TTransformer>(this ITransformer start, TTransformer transformer)
        where TTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(transformer);
        return new TransformerChain<TTransformer>(start, transformer);
    }
}
