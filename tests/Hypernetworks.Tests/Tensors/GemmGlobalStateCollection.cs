namespace Hypernetworks.Tests.Tensors;

/// <summary>
/// Tests that change <see cref="Hypernetworks.Tensors.Gemm.MaxThreads"/> or count allocations share the process-wide
/// GEMM workers; run alone, they see neither another test's thread setting nor its contention.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GemmGlobalStateCollection
{
    public const string Name = "GEMM global state";
}
