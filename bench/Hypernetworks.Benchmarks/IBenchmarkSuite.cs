namespace Hypernetworks.Benchmarks;

/// <summary>One suite of the runner: `dotnet run -c Release --project bench/Hypernetworks.Benchmarks -- NAME [options]`.</summary>
internal interface IBenchmarkSuite
{
    /// <summary>The name given on the command line, e.g. "gemm".</summary>
    string Name { get; }

    /// <summary>What the suite measures, for the usage text.</summary>
    string Description { get; }

    /// <summary>Runs the suite and prints one JSON object per line to standard output.</summary>
    void Run(BenchmarkOptions options);
}
