using Microsoft.ML;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>Builds sweepable pipelines with <c>Append</c>, as ML.NET AutoML does.</summary>
public static class SweepablePipelineExtensions
{
    /// <summary>A pipeline of <paramref name="start"/> (an estimator or a whole estimator chain) then <paramref name="sweepable"/>.</summary>
    /// <param name="start">The estimators before.</param>
    /// <param name="sweepable">The sweepable estimator appended.</param>
    public static SweepablePipeline Append(this IEstimator<ITransformer> start, SweepableEstimator sweepable)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(sweepable);
        return SweepablePipeline.From(start).Append(sweepable);
    }

    /// <summary>A pipeline of <paramref name="sweepable"/> then <paramref name="estimator"/>.</summary>
    /// <param name="sweepable">The sweepable estimator first.</param>
    /// <param name="estimator">The estimator appended.</param>
    public static SweepablePipeline Append(this SweepableEstimator sweepable, IEstimator<ITransformer> estimator)
    {
        ArgumentNullException.ThrowIfNull(sweepable);
        ArgumentNullException.ThrowIfNull(estimator);
        return SweepablePipeline.From(sweepable).Append(estimator);
    }

    /// <summary>A pipeline of two sweepable estimators.</summary>
    /// <param name="sweepable">The sweepable estimator first.</param>
    /// <param name="next">The sweepable estimator appended.</param>
    public static SweepablePipeline Append(this SweepableEstimator sweepable, SweepableEstimator next)
    {
        ArgumentNullException.ThrowIfNull(sweepable);
        ArgumentNullException.ThrowIfNull(next);
        return SweepablePipeline.From(sweepable).Append(next);
    }
}
