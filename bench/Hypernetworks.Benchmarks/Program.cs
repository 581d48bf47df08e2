using System.Reflection;
using Hypernetworks.Benchmarks;

// Every IBenchmarkSuite in this assembly is a suite of the runner; a new suite is one new file.
IBenchmarkSuite[] suites = typeof(IBenchmarkSuite).Assembly.GetTypes()
    .Where(t => t.IsClass && !t.IsAbstract && typeof(IBenchmarkSuite).IsAssignableFrom(t))
    .Select(t => (IBenchmarkSuite)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToArray();

IBenchmarkSuite? suite = args.Length > 0 ? suites.FirstOrDefault(s => s.Name == args[0]) : null;
if (suite is null)
{
    Console.Error.WriteLine("usage: Hypernetworks.Benchmarks SUITE [--threads N] [--option value ...]");
    foreach (IBenchmarkSuite s in suites)
    {
        Console.Error.WriteLine($"  {s.Name,-12} {s.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

// Every suite runs on --threads N engine threads (default 1, as torch_reference.py), so that compare.sh passes the
// same count to both sides.
var options = new BenchmarkOptions(args[1..]);
Hypernetworks.Engine.MaxThreads = options.GetInt("threads", 1);
suite.Run(options);
return 0;
