using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// AutoML for pipelines (ML.NET's AutoCatalog, reached through <c>mlContext.Auto()</c>): experiments whose
/// trials fit a sweepable pipeline, and sweepable estimators.
/// </summary>
public sealed partial class AutoCatalog
{
    internal AutoCatalog(MLContext context) => Context = context;

    /// <summary>Gets the context the experiments and estimators are built with.</summary>
    public MLContext Context { get; }

    /// <summary>
    /// Creates an experiment for a pipeline sweep: set it up with <c>SetPipeline</c>, <c>SetDataset</c> and a
    /// metric setter, then budgets, tuner, trial store and monitor, and call <see cref="AutoMLExperiment.RunAsync"/>.
    /// The tuners' seed is drawn from the context's random source, so a context made with a seed sweeps the same way every time.
    /// </summary>
    public AutoMLExperiment CreateExperiment() =>
        new AutoMLExperiment().SetTrialRunner(new PipelineTrialRunner(Context)).SetSeed(((IHostEnvironment)Context).Register(nameof(AutoCatalog)).Rand.Next());

    /// <summary>Creates a sweepable estimator over the attributed options class <typeparamref name="TOptions"/>.</summary>
    /// <typeparam name="TOptions">The options class carrying ML.NET's <see cref="Microsoft.ML.SearchSpace.RangeAttribute"/>, <see cref="Microsoft.ML.SearchSpace.ChoiceAttribute"/> and similar attributes.</typeparam>
    /// <param name="factory">Builds the estimator for one set of options.</param>
    /// <param name="searchSpace">The options swept; read from <typeparamref name="TOptions"/>'s attributes when null.</param>
    public SweepableEstimator CreateSweepableEstimator<TOptions>(Func<MLContext, TOptions, IEstimator<ITransformer>> factory, SearchSpace<TOptions>? searchSpace = null)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new SweepableEstimator(Context, (context, parameter) => factory(context, parameter.AsType<TOptions>()), searchSpace ?? new SearchSpace<TOptions>());
    }

    /// <summary>Creates a sweepable estimator over any search space.</summary>
    /// <param name="factory">Builds the estimator for one parameter of <paramref name="searchSpace"/>.</param>
    /// <param name="searchSpace">The options swept.</param>
    public SweepableEstimator CreateSweepableEstimator(Func<MLContext, Parameter, IEstimator<ITransformer>> factory, SearchSpace searchSpace) =>
        new(Context, factory, searchSpace);
}
