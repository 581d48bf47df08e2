using Hypernetworks.AutoML.Worker;
using Hypernetworks.MLNet.AutoML;

// Usage: --store sqlite:PATH|postgres:CONNECTION --experiment NAME --trials N --epochs E --epoch-ms MS
//        --heartbeat-timeout-ms T --worker ID --seed S
var arguments = new WorkerArguments(args);
string store = arguments.Text("store");
var timeout = TimeSpan.FromMilliseconds(arguments.Number("heartbeat-timeout-ms"));
await using ITrialStore trialStore = store.StartsWith("sqlite:", StringComparison.Ordinal)
    ? TrialStore.Sqlite(store["sqlite:".Length..], timeout)
    : store.StartsWith("postgres:", StringComparison.Ordinal)
        ? TrialStore.Postgres(store["postgres:".Length..], arguments.Text("experiment"), timeout)
        : throw new ArgumentException($"Unknown store '{store}': expected sqlite:PATH or postgres:CONNECTION.");

TrialResult best = await new AutoMLExperiment()
    .SetSearchSpace(new SearchSpace
    {
        { "x0", new UniformDoubleOption(-5, 5) },
        { "x1", new UniformDoubleOption(-5, 5) },
    })
    .SetTrialRunner(new SleepingTrialRunner(arguments.Number("epochs"), arguments.Number("epoch-ms")))
    .SetRandomSearchTuner()
    .SetSeed(arguments.Number("seed"))
    .SetEarlyStopping(false)
    .SetTrialStore(trialStore)
    .SetMonitor(new LineMonitor())
    .SetWorkerId(arguments.Text("worker"))
    .SetMaxModelToExplore(arguments.Number("trials"))
    .RunAsync();
Console.WriteLine($"BEST {best.TrialSettings.TrialId}");
