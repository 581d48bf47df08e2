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
