using Hypernetworks.Samples;

// `dotnet run -c Release --project src/Samples -- NAME [ARGS]` runs one sample; with no name, the regression sample.
// A sample is one entry here: its name and a method that takes the arguments after the name and returns the exit code.
var samples = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["regression"] = RegressionSample.Run,
    ["automl"] = AutoMLSample.Run,
    ["materialize"] = MaterializeSample.Run,
    ["fewshot"] = FewShotSample.Run,
    ["continual"] = ContinualSample.Run,
    ["torchsharp"] = TorchSharpSample.Run,
};

string name = args.Length > 0 ? args[0] : "regression";
if (!samples.TryGetValue(name, out Func<string[], int>? run))
{
    Console.Error.WriteLine($"Unknown sample '{name}'. Samples: {string.Join(", ", samples.Keys)}.");
    return 2;
}

return run(args.Length > 0 ? args[1..] : []);
