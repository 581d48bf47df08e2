using Microsoft.ML;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// An estimator whose options a sweep tunes (ML.NET AutoML's SweepableEstimator): a search space and a factory that
/// builds a real ML.NET estimator for one parameter of it. Append it to stock transforms
/// (<c>transforms.Append(sweepable)</c> gives a <see cref="SweepablePipeline"/>) and hand the pipeline to
/// <c>SetPipeline</c>. Like ML.NET's, it is not itself an <see cref="IEstimator{TTransformer}"/>, so appending it to an
/// estimator chain always makes a sweepable pipeline; <see cref="BuildFromOption"/> gives the estimator of one parameter.
/// </summary>
public sealed class SweepableEstimator
{
    private readonly MLContext context;
    private readonly Func<MLContext, Parameter, TrialFit, IEstimator<ITransformer>> factory;
    private Parameter parameter;

    /// <summary>Creates a sweepable estimator.</summary>
    /// <param name="context">The context the estimators are built with.</param>
    /// <param name="factory">Builds the estimator for a parameter of <paramref name="searchSpace"/>.</param>
    /// <param name="searchSpace">The options swept.</param>
    public SweepableEstimator(MLContext context, Func<MLContext, Parameter, IEstimator<ITransformer>> factory, SearchSpace searchSpace)
        : this(context, Wrap(factory), searchSpace, null)
    {
    }

    internal SweepableEstimator(MLContext context, Func<MLContext, Parameter, TrialFit, IEstimator<ITransformer>> factory, SearchSpace searchSpace, Parameter? parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(searchSpace);
        this.context = context;
        this.factory = factory;
        SearchSpace = searchSpace;
        this.parameter = parameter ?? searchSpace.SampleFromFeatureSpace([.. searchSpace.Default]);
    }

    /// <summary>Gets the options swept.</summary>
    public SearchSpace SearchSpace { get; }

    /// <summary>
    /// Gets or sets the parameter the first trial of a sweep runs (the search space's default, or for
    /// <c>mlContext.Auto().Hypernetwork(options)</c> the given options' own values). It may hold values outside the
    /// search space's ranges: the tuners search inside the ranges from there.
    /// </summary>
    public Parameter Parameter
    {
        get => parameter;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            parameter = value;
        }
    }

    /// <summary>Builds the estimator for a parameter of <see cref="SearchSpace"/>.</summary>
    /// <param name="parameter">The parameter.</param>
    public IEstimator<ITransformer> BuildFromOption(Parameter parameter) => Build(parameter, TrialFit.None);

    internal IEstimator<ITransformer> Build(Parameter parameter, TrialFit fit)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return factory(context, parameter, fit)
            ?? throw new InvalidOperationException($"The sweepable estimator's factory returned null for parameter {parameter}.");
    }

    private static Func<MLContext, Parameter, TrialFit, IEstimator<ITransformer>> Wrap(Func<MLContext, Parameter, IEstimator<ITransformer>> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return (context, parameter, _) => factory(context, parameter);
    }
}
