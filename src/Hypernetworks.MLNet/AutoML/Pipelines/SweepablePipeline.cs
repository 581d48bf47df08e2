using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// A pipeline of real ML.NET estimators (stock transforms, estimator chains, trainers) and sweepable estimators
/// (ML.NET AutoML's SweepablePipeline). Its search space nests each sweepable estimator's space under the key
/// <c>e{position}</c>; a trial's parameter builds one real <see cref="EstimatorChain{TLastTransformer}"/>.
/// </summary>
public sealed class SweepablePipeline
{
    private readonly PipelineStep[] steps;

    /// <summary>Creates an empty pipeline.</summary>
    public SweepablePipeline()
        : this([])
    {
    }

    private SweepablePipeline(PipelineStep[] steps)
    {
        this.steps = steps;
        SearchSpace = new SearchSpace();
        Parameter = Parameter.CreateNestedParameter();
        for (int i = 0; i < steps.Length; i++)
        {
            if (steps[i].Sweepable is { } sweepable)
            {
                SearchSpace.Add(Key(i), sweepable.SearchSpace);
                Parameter[Key(i)] = sweepable.Parameter;
            }
        }
    }

    /// <summary>Gets the number of steps (estimators and sweepable estimators).</summary>
    public int Count => steps.Length;

    /// <summary>Gets the search space: each sweepable estimator's space under the key <c>e{position}</c>.</summary>
    public SearchSpace SearchSpace { get; }

    /// <summary>Gets the parameter the first trial runs: each sweepable estimator's <see cref="SweepableEstimator.Parameter"/>.</summary>
    public Parameter Parameter { get; }

    /// <summary>Creates a pipeline of one estimator (an estimator chain is one step).</summary>
    /// <param name="estimator">The estimator.</param>
    public static SweepablePipeline From(IEstimator<ITransformer> estimator) => new SweepablePipeline().Append(estimator);

    /// <summary>Creates a pipeline of one sweepable estimator.</summary>
    /// <param name="sweepable">The sweepable estimator.</param>
    public static SweepablePipeline From(SweepableEstimator sweepable) => new SweepablePipeline().Append(sweepable);

    /// <summary>Returns a pipeline with <paramref name="estimator"/> appended.</summary>
    /// <param name="estimator">The estimator (stock or not; a chain is one step).</param>
    public SweepablePipeline Append(IEstimator<ITransformer> estimator)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return new SweepablePipeline([.. steps, new PipelineStep(estimator, null)]);
    }

    /// <summary>Returns a pipeline with <paramref name="sweepable"/> appended.</summary>
    /// <param name="sweepable">The sweepable estimator.</param>
    public SweepablePipeline Append(SweepableEstimator sweepable)
    {
        ArgumentNullException.ThrowIfNull(sweepable);
        return new SweepablePipeline([.. steps, new PipelineStep(null, sweepable)]);
    }

    /// <summary>Builds the real estimator chain for a parameter of <see cref="SearchSpace"/>.</summary>
    /// <param name="parameter">The parameter.</param>
    public EstimatorChain<ITransformer> BuildFromOption(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var chain = new EstimatorChain<ITransformer>();
        for (int i = 0; i < steps.Length; i++)
        {
            chain = chain.Append(BuildAt(i, parameter, TrialFit.None));
        }

        return chain;
    }

    /// <summary>Builds the estimator at a position for a trial.</summary>
    internal IEstimator<ITransformer> BuildAt(int position, Parameter parameter, TrialFit fit) =>
        steps[position].Sweepable is { } sweepable
            ? sweepable.Build(parameter.ContainsKey(Key(position))
                ? parameter[Key(position)]
                : throw new ArgumentException($"The parameter has no value for the sweepable estimator '{Key(position)}'.", nameof(parameter)), fit)
            : steps[position].Estimator!;

    private static string Key(int position) => "e" + position.ToString(CultureInfo.InvariantCulture);

    /// <summary>One step: a plain estimator or a sweepable one.</summary>
    private sealed record PipelineStep(IEstimator<ITransformer>? Estimator, SweepableEstimator? Sweepable);
}
