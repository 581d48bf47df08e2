namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// A hyper-parameter sweep, shaped like ML.NET's AutoMLExperiment: set the search space, the trial
/// runner (what one trial trains and evaluates), the tuner, the budgets, the trial store and a monitor,
/// then <see cref="RunAsync"/> returns the best trial. The first trial runs the starting point as given (the search
/// space's default, or the parameter given with it, e.g. a hypernetwork's base options) before any tuner proposes, and
/// the best trial is chosen among the trials that ran to the end (a trial stopped early only when none did), so the
/// sweep never returns a model worse on validation than its first trial. Trials that fail are recorded and the sweep
/// goes on; poor trials are stopped early by successive halving (ASHA) unless switched off.
/// </summary>
public sealed class AutoMLExperiment
{
    private SearchSpace? searchSpace;
    private Parameter? firstParameter;
    private ITrialRunner? runner;
    private Func<SearchSpace, ITuner> tunerFactory;
    private IMonitor? monitor;
    private ITrialStore? store;
    private TimeSpan? trainingTime;
    private int maxTrials = int.MaxValue;
    private MetricDirection direction = MetricDirection.Minimize;
    private Func<AshaEarlyStopping>? earlyStoppingFactory = () => new AshaEarlyStopping();
    private int parallelTrials = 1;
    private int seed;
    private string workerId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Creates an experiment with the cost-frugal tuner, ASHA early stopping, one trial at a time and an in-memory store.</summary>
    public AutoMLExperiment()
    {
        tunerFactory = space => new CostFrugalTuner(space, new CostFrugalTunerOptions { Seed = seed });
    }

    /// <summary>Gets the id this worker writes into the trial store.</summary>
    public string WorkerId => workerId;

    /// <summary>Gets the trial runner set so far, for the pipeline setters that configure it.</summary>
    internal ITrialRunner? TrialRunner => runner;

    /// <summary>Sets the space the tuner searches; the first trial of the sweep runs the space's default point.</summary>
    /// <param name="searchSpace">The search space.</param>
    public AutoMLExperiment SetSearchSpace(SearchSpace searchSpace) => SetSearchSpace(searchSpace, null);

    /// <summary>
    /// Sets the space the tuner searches and the parameter the first trial runs, before any tuner proposes: the
    /// starting point the sweep must beat (its values may lie outside the space's ranges).
    /// </summary>
    /// <param name="searchSpace">The search space.</param>
    /// <param name="firstParameter">The first trial's parameter (a value for every option of the space); the space's default point when null.</param>
    public AutoMLExperiment SetSearchSpace(SearchSpace searchSpace, Parameter? firstParameter)
    {
        ArgumentNullException.ThrowIfNull(searchSpace);
        if (firstParameter is not null)
        {
            // Tuners learn from the first trial through this mapping: a missing option fails here, not mid-sweep.
            _ = searchSpace.MappingToFeatureSpace(firstParameter);
        }

        this.searchSpace = searchSpace;
        this.firstParameter = firstParameter;
        return this;
    }

    /// <summary>Sets what one trial runs.</summary>
    /// <param name="runner">The trial runner.</param>
    public AutoMLExperiment SetTrialRunner(ITrialRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        this.runner = runner;
        return this;
    }

    /// <summary>Sets a tuner built from the search space when the run starts.</summary>
    /// <param name="factory">Builds the tuner.</param>
    public AutoMLExperiment SetTuner(Func<SearchSpace, ITuner> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        tunerFactory = factory;
        return this;
    }

    /// <summary>Uses random search.</summary>
    public AutoMLExperiment SetRandomSearchTuner() => SetTuner(space => new RandomSearchTuner(space, seed));

    /// <summary>Uses grid search.</summary>
    /// <param name="stepCount">How many values of each continuous or wide coordinate the grid holds.</param>
    public AutoMLExperiment SetGridSearchTuner(int stepCount = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepCount, 2);
        return SetTuner(space => new GridSearchTuner(space, stepCount));
    }

    /// <summary>Uses the cost-frugal local search (the default).</summary>
    /// <param name="options">The tuner's settings; the experiment's seed and defaults when null.</param>
    public AutoMLExperiment SetCostFrugalTuner(CostFrugalTunerOptions? options = null) =>
        SetTuner(space => new CostFrugalTuner(space, options ?? new CostFrugalTunerOptions { Seed = seed }));

    /// <summary>Sets the monitor that hears about trials.</summary>
    /// <param name="monitor">The monitor.</param>
    public AutoMLExperiment SetMonitor(IMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        this.monitor = monitor;
        return this;
    }

    /// <summary>Sets where trials are kept (a fresh in-memory store per run when not set). The caller disposes it.</summary>
    /// <param name="store">The trial store.</param>
    public AutoMLExperiment SetTrialStore(ITrialStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        this.store = store;
        return this;
    }

    /// <summary>Sets the time budget: no trial starts after it, and running trials are cancelled and given back to the store.</summary>
    /// <param name="trainingTimeInSeconds">The budget in seconds.</param>
    public AutoMLExperiment SetTrainingTimeInSeconds(uint trainingTimeInSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(trainingTimeInSeconds);
        trainingTime = TimeSpan.FromSeconds(trainingTimeInSeconds);
        return this;
    }

    /// <summary>Sets the time budget as a time span (for sub-second budgets).</summary>
    /// <param name="trainingTime">The budget.</param>
    public AutoMLExperiment SetTrainingTime(TimeSpan trainingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(trainingTime, TimeSpan.Zero);
        this.trainingTime = trainingTime;
        return this;
    }

    /// <summary>Sets the trial budget: how many trials the sweep holds in all (counting those already in the store).</summary>
    /// <param name="maxModelToExplore">The number of trials.</param>
    public AutoMLExperiment SetMaxModelToExplore(int maxModelToExplore)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxModelToExplore);
        maxTrials = maxModelToExplore;
        return this;
    }

    /// <summary>Sets whether smaller or larger metrics are better.</summary>
    /// <param name="direction">The direction.</param>
    public AutoMLExperiment SetMetricDirection(MetricDirection direction)
    {
        if (!Enum.IsDefined(direction))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Expected Minimize or Maximize.");
        }

        this.direction = direction;
        return this;
    }

    /// <summary>Switches early stopping by successive halving on (with default rungs) or off.</summary>
    /// <param name="enabled">Whether poor trials are stopped early.</param>
    public AutoMLExperiment SetEarlyStopping(bool enabled)
    {
        earlyStoppingFactory = enabled ? () => new AshaEarlyStopping() : null;
        return this;
    }

    /// <summary>Uses successive halving with these rungs.</summary>
    /// <param name="minEpochs">r: the first rung's epoch.</param>
    /// <param name="reductionFactor">η: the spacing of rungs and the inverse of the fraction kept.</param>
    /// <param name="minTrialsPerRung">How many other trials a rung needs before it stops anyone.</param>
    public AutoMLExperiment SetEarlyStopping(int minEpochs, double reductionFactor, int minTrialsPerRung = 1)
    {
        _ = new AshaEarlyStopping(minEpochs, reductionFactor, minTrialsPerRung);
        earlyStoppingFactory = () => new AshaEarlyStopping(minEpochs, reductionFactor, minTrialsPerRung);
        return this;
    }

    /// <summary>Sets how many trials run at once in this process; each gets an equal share of the cores.</summary>
    /// <param name="parallelTrials">The number of concurrent trials.</param>
    public AutoMLExperiment SetParallelTrials(int parallelTrials)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelTrials);
        this.parallelTrials = parallelTrials;
        return this;
    }

    /// <summary>Sets the seed of the built-in tuners.</summary>
    /// <param name="seed">The seed.</param>
    public AutoMLExperiment SetSeed(int seed)
    {
        this.seed = seed;
        return this;
    }

    /// <summary>Sets the id this worker writes into the trial store (a machine/process/random id by default).</summary>
    /// <param name="workerId">The id, unique among the workers of a sweep.</param>
    public AutoMLExperiment SetWorkerId(string workerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        this.workerId = workerId;
        return this;
    }

    /// <summary>
    /// Runs the sweep until the trial budget is spent, the time budget runs out, the tuner has nothing new,
    /// or <paramref name="cancellationToken"/> is cancelled, and returns the best trial as the runner's
    /// <see cref="ITrialRunner.CompleteBestTrialAsync"/> leaves it (the default leaves the model null
    /// when another worker or an earlier process ran the trial). Throws the first trial's error when every trial
    /// failed, <see cref="TimeoutException"/> when time ran out before any trial finished, and
    /// <see cref="OperationCanceledException"/> when cancelled before any trial finished.
    /// </summary>
    /// <param name="cancellationToken">Stops the sweep.</param>
    public async Task<TrialResult> RunAsync(CancellationToken cancellationToken = default)
    {
        SearchSpace space = searchSpace ?? throw new InvalidOperationException("Call SetSearchSpace before RunAsync.");
        ITrialRunner trialRunner = runner ?? throw new InvalidOperationException("Call SetTrialRunner before RunAsync.");
        if (maxTrials == int.MaxValue && trainingTime is null && !cancellationToken.CanBeCanceled)
        {
            throw new InvalidOperationException(
                "The sweep has no budget: call SetMaxModelToExplore or SetTrainingTimeInSeconds, or pass a cancellation token.");
        }

        ITrialStore trialStore = store ?? TrialStore.InMemory();
        try
        {
            Parameter first = firstParameter ?? space.SampleFromFeatureSpace([.. space.Default]);
            var settings = new ExperimentSettings(
                space, first, trialRunner, tunerFactory(space), trialStore, monitor, earlyStoppingFactory?.Invoke(),
                direction, maxTrials, trainingTime, parallelTrials, workerId);
            TrialResult best = await new ExperimentRun(settings).RunAsync(cancellationToken).ConfigureAwait(false);
            return await trialRunner.CompleteBestTrialAsync(best, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (store is null)
            {
                await trialStore.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
