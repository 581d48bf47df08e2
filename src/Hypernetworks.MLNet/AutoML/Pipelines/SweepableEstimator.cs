namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// An estimator whose options a sweep tunes: a search space and a factory that builds the estimator for one
/// parameter of it (ML.NET's SweepableEstimator). Append it to a pipeline (<c>estimator.Append(sweepable)</c>) and
/// give the pipeline to <c>SetPipeline</c>. Fitted on its own, it fits the estimator of <see cref="Parameter"/>.
/// </summary>
public sealed class SweepableEstimator : IEstimator<ITransformer>
{
    private readonly MLContext context;
    private readonly Func<MLContext, Parameter, TrialFit, IEstimator<ITransformer>> factory;
    private Parameter parameter;

    /// <summary>Creates a sweepable estimator.</summary>
    /// <param name="context">The context the estimators are built with.</param>
    /// <param name="factory">Builds the estimator for a parameter of <paramref name="searchSpace"/>.</param>
    /// <param name="searchSpace">The options swept.</param>
    public SweepableEstimator(MLContext context, Func<MLContext, Parameter, IEstimator<ITransformer>> factory, SearchSpace searchSpace)
        : this(context, Wrap(factory), searchSpace)
    {
    }

    internal SweepableEstimator(MLContext context, Func<MLContext, Parameter, TrialFit, IEstimator<ITransformer>> factory, SearchSpace searchSpace)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(searchSpace);
        this.context = context;
        this.factory = factory;
        SearchSpace = searchSpace;
        parameter = searchSpace.SampleFromFeatureSpace([.. searchSpace.Default]);
    }

    /// <summary>Gets the options swept.</summary>
    public SearchSpace SearchSpace { get; }

    /// <summary>Gets or sets the parameter a plain <see cref="Fit"/> uses (the search space's default at first).</summary>
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

    /// <inheritdoc/>
    public ITransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return BuildFromOption(parameter).Fit(input);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return BuildFromOption(parameter).GetOutputSchema(inputSchema);
    }

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
