using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// Runs one trial of a pipeline sweep: builds the real ML.NET estimators for the trial's parameter, fits them in
/// turn on each training split (handing sweepable estimators the validation rows as the fitted transformers before
/// them leave them, and a per-epoch callback), scores the validation rows with a stock evaluator and returns the
/// mean metric. To bound memory only the best model so far is kept; the models of
/// other trials are disposed once scored.
/// </summary>
internal sealed class PipelineTrialRunner : ITrialRunner
{
    private readonly object gate = new();
    private TrialResult? bestOwn;

    public PipelineTrialRunner(MLContext context) => Context = context;

    public MLContext Context { get; }

    public SweepablePipeline? Pipeline { get; set; }

    public TrialDataset? Dataset { get; set; }

    public TaskMetric? Metric { get; set; }

    public bool RetrainOnFullData { get; set; }

    public Task<TrialResult> RunAsync(TrialSettings settings, ITrialContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        (SweepablePipeline pipeline, TrialDataset dataset, TaskMetric metric) = Configuration();
        return Task.Run(() => Run(pipeline, dataset, metric, settings.Parameter, context, cancellationToken), cancellationToken);
    }

    public Task<TrialResult> CompleteBestTrialAsync(TrialResult best, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(best);
        if (best.Model is not null && !RetrainOnFullData)
        {
            return Task.FromResult(best);
        }

        (SweepablePipeline pipeline, TrialDataset dataset, _) = Configuration();
        return Task.Run(
            () =>
            {
                // Either the trial ran elsewhere (another worker, an earlier process) or stopped early, so
                // there is no model here, or the final model is asked for on every row.
                (IDataView train, IDataView? validation) = RetrainOnFullData ? (dataset.FullData, null) : dataset.Splits[0];
                var fit = new TrialFit(validation, static (_, _) => { }, cancellationToken);
                ITransformer model = Fit(pipeline, best.TrialSettings.Parameter, train, validation, fit);
                if (!ReferenceEquals(best.Model, model))
                {
                    Dispose(best.Model);
                }

                best.Model = model;
                return best;
            },
            cancellationToken);
    }

    internal static ITransformer Fit(SweepablePipeline pipeline, Parameter parameter, IDataView train, IDataView? validation, TrialFit fit)
    {
        var transformers = new ITransformer[pipeline.Count];
        IDataView currentTrain = train;
        IDataView? currentValidation = validation;
        for (int i = 0; i < pipeline.Count; i++)
        {
            IEstimator<ITransformer> estimator = pipeline.BuildAt(i, parameter, fit with { ValidationSet = currentValidation });
            transformers[i] = estimator.Fit(currentTrain);
            if (i < pipeline.Count - 1)
            {
                currentTrain = transformers[i].Transform(currentTrain);
                currentValidation = currentValidation is null ? null : transformers[i].Transform(currentValidation);
            }
        }

        return new TransformerChain<ITransformer>(transformers);
    }

    private static void Dispose(ITransformer? model)
    {
        if (model is IEnumerable<ITransformer> chain)
        {
            foreach (IDisposable disposable in chain.OfType<IDisposable>())
            {
                disposable.Dispose();
            }
        }

        (model as IDisposable)?.Dispose();
    }

    private TrialResult Run(SweepablePipeline pipeline, TrialDataset dataset, TaskMetric metric, Parameter parameter, ITrialContext context, CancellationToken cancellationToken)
    {
        // Parallel trials share the cores: each trial's engine calls use only its share.
        using ThreadLimitScope threads = Engine.LimitThreads(Math.Clamp(context.MaxDegreeOfParallelism, 1, 64));
        double? lastReported = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var metrics = new List<double>();
        ITransformer? model = null;
        for (int split = 0; split < dataset.Splits.Count; split++)
        {
            (IDataView train, IDataView validation) = dataset.Splits[split];

            // Only the first split reports its curve: later folds repeat the same epochs.
            bool reports = split == 0 && metric.FromValidationLoss is not null;
            var fit = new TrialFit(validation, (epoch, loss) =>
            {
                if (!reports)
                {
                    return;
                }

                double value = metric.FromValidationLoss!(loss);
                lastReported = value;
                if (!context.ReportIntermediate(epoch, value))
                {
                    stop.Cancel();
                }
            }, stop.Token);

            Dispose(model);
            try
            {
                model = Fit(pipeline, parameter, train, validation, fit);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // Early stopping ended the trial: its result is the last metric it reported, without a model.
                return new TrialResult { Metric = lastReported ?? double.NaN, IsEarlyStopped = true };
            }

            cancellationToken.ThrowIfCancellationRequested();
            metrics.Add(metric.Evaluate(Context, model.Transform(validation)));
        }

        var result = new TrialResult { Metric = metrics.Average(), Model = model };
        KeepIfBest(result, metric.Direction);
        return result;
    }

    private void KeepIfBest(TrialResult result, MetricDirection direction)
    {
        ITransformer? discard;
        lock (gate)
        {
            bool better = bestOwn is null || !double.IsFinite(bestOwn.Metric)
                || (direction == MetricDirection.Minimize ? result.Metric < bestOwn.Metric : result.Metric > bestOwn.Metric);
            if (better && double.IsFinite(result.Metric))
            {
                discard = bestOwn?.Model;
                if (bestOwn is not null)
                {
                    bestOwn.Model = null;
                }

                bestOwn = result;
            }
            else
            {
                discard = result.Model;
                result.Model = null;
            }
        }

        Dispose(discard);
    }

    private (SweepablePipeline Pipeline, TrialDataset Dataset, TaskMetric Metric) Configuration() => (
        Pipeline ?? throw new InvalidOperationException("Call SetPipeline before RunAsync."),
        Dataset ?? throw new InvalidOperationException("Call SetDataset before RunAsync."),
        Metric ?? throw new InvalidOperationException("Call SetRegressionMetric, SetBinaryClassificationMetric or SetMulticlassClassificationMetric before RunAsync."));
}
