using System.Reflection;
using Hypernetworks.Benchmarks;

// Every IBenchmarkSuite in this assembly is a suite of the runner; a new suite is one new file.
IBenchmarkSuite[] suites = typeof(IBenchmarkSuite).Assembly.GetTypes()
    .Where(t => t.IsClass && !t.IsAbstract && typeof(IBenchmarkSuite).IsAssignableFrom(t))
    .Select(t => (IBenchmarkSuite)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToArray();

// A suite run on another backend (SUITE --backend NAME) is the suite named "SUITE/NAME".
var options = new BenchmarkOptions(args.Length > 0 ? args[1..] : []);
string backend = options.GetString("backend", "managed");
string name = args.Length == 0 ? string.Empty : backend == "managed" ? args[0] : $"{args[0]}/{backend}";
IBenchmarkSuite? suite = suites.FirstOrDefault(s => s.Name == name);
if (suite is null)
{
    Console.Error.WriteLine("usage: Hypernetworks.Benchmarks SUITE [--backend managed|torchsharp] [--threads N] [--option value ...]");
    foreach (IBenchmarkSuite s in suites)
    {
        Console.Error.WriteLine($"  {s.Name,-12} {s.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

// Every suite runs on --threads N engine threads (default 1, as torch_reference.py), so that compare.sh passes the
// same count to both sides.
Hypernetworks.Engine.MaxThreads = options.GetInt("threads", 1);
suite.Run(options);
return 0;
