namespace Hypernetworks.Tests.Tensors;

/// <summary>
/// Tests that count allocations or compare thread counts share the process-wide workers; run alone, they see no
/// other test's contention for them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GemmGlobalStateCollection
{
    public const string Name = "GEMM global state";
}
