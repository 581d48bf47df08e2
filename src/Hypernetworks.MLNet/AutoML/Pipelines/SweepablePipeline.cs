using System.Globalization;
using System.Reflection;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// A pipeline of estimators some of which are sweepable (ML.NET's SweepablePipeline). Its search space nests each
/// sweepable estimator's space under the key <c>e{position}</c>; a trial's parameter builds one plain chain of
/// estimators. Chains built with <c>Append</c> are flattened, so <c>transforms.Append(sweepable)</c> works as well.
/// </summary>
public sealed class SweepablePipeline
{
    private readonly IEstimator<ITransformer>[] estimators;

    /// <summary>Creates an empty pipeline.</summary>
    public SweepablePipeline()
        : this([])
    {
    }

    private SweepablePipeline(IEstimator<ITransformer>[] estimators)
    {
        this.estimators = estimators;
        SearchSpace = new SearchSpace();
        for (int i = 0; i < estimators.Length; i++)
        {
            if (estimators[i] is SweepableEstimator sweepable)
            {
                SearchSpace.Add(Key(i), sweepable.SearchSpace);
            }
        }
    }

    /// <summary>Gets the estimators, in order (sweepable ones included).</summary>
    public IReadOnlyList<IEstimator<ITransformer>> Estimators => estimators;

    /// <summary>Gets the search space: each sweepable estimator's space under the key <c>e{position}</c>.</summary>
    public SearchSpace SearchSpace { get; }

    /// <summary>Creates a pipeline from an estimator or a chain of them.</summary>
    /// <param name="estimator">The estimator or chain (its chains are flattened).</param>
    public static SweepablePipeline From(IEstimator<ITransformer> estimator)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return new SweepablePipeline([.. Flatten(estimator)]);
    }

    /// <summary>Returns a pipeline with <paramref name="estimator"/> appended (a chain is flattened).</summary>
    /// <param name="estimator">The estimator, sweepable or not.</param>
    public SweepablePipeline Append(IEstimator<ITransformer> estimator)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return new SweepablePipeline([.. estimators, .. Flatten(estimator)]);
    }

    /// <summary>Builds the plain chain of estimators for a parameter of <see cref="SearchSpace"/>.</summary>
    /// <param name="parameter">The parameter.</param>
    public EstimatorChain<ITransformer> BuildFromOption(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var chain = new EstimatorChain<ITransformer>();
        for (int i = 0; i < estimators.Length; i++)
        {
            chain = chain.Append(BuildAt(i, parameter, TrialFit.None));
        }

        return chain;
    }

    /// <summary>Gets the number of estimators.</summary>
    internal int Count => estimators.Length;

    /// <summary>Builds the estimator at a position for a trial.</summary>
    internal IEstimator<ITransformer> BuildAt(int position, Parameter parameter, TrialFit fit) =>
        estimators[position] is SweepableEstimator sweepable
            ? sweepable.Build(parameter.ContainsKey(Key(position))
                ? parameter[Key(position)]
                : throw new ArgumentException($"The parameter has no value for the sweepable estimator '{Key(position)}'.", nameof(parameter)), fit)
            : estimators[position];

    private static string Key(int position) => "e" + position.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<IEstimator<ITransformer>> Flatten(IEstimator<ITransformer> estimator)
    {
        // EstimatorChain is generic in its last transformer's type, so its parts are read through its one
        // non-generic property rather than a cast to a closed type.
        Type type = estimator.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EstimatorChain<>))
        {
            PropertyInfo property = type.GetProperty(nameof(EstimatorChain<ITransformer>.Estimators))!;
            var parts = (IReadOnlyList<IEstimator<ITransformer>>)property.GetValue(estimator)!;
            return parts.SelectMany(Flatten);
        }

        return [estimator];
    }
}
