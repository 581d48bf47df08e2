using Hypernetworks.Samples;

// Each sample is one file; `dotnet run --project src/Samples -- NAME` runs one, the default runs the regression sample.
var samples = new Dictionary<string, Action>(StringComparer.OrdinalIgnoreCase)
{
    ["regression"] = RegressionSample.Run,
    ["automl"] = AutoMLSample.Run,
    ["materialize"] = MaterializeSample.Run,
    ["continual"] = ContinualSample.Run,
};

string name = args.Length > 0 ? args[0] : "regression";
if (!samples.TryGetValue(name, out Action? run))
{
    Console.Error.WriteLine($"Unknown sample '{name}'. Samples: {string.Join(", ", samples.Keys)}.");
    return 2;
}

run();
return 0;
