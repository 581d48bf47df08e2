namespace Hypernetworks.Tests.Testing;

/// <summary>Measures managed allocations of an action on the current thread, after warming it up.</summary>
public static class Allocations
{
    /// <summary>Bytes allocated by <paramref name="action"/>'s 10 calls after 10 warm-up calls (JIT tiering done).</summary>
    public static long OfWarm(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        for (int i = 0; i < 10; i++)
        {
            action();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
