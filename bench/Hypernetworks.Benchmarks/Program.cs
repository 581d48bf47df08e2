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
    Console.Error.WriteLine("usage: Hypernetworks.Benchmarks SUITE [--option value ...]");
    foreach (IBenchmarkSuite s in suites)
    {
        Console.Error.WriteLine($"  {s.Name,-12} {s.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

suite.Run(new BenchmarkOptions(args[1..]));
return 0;
