namespace Hypernetworks.Tests.Testing;

/// <summary>Measures the steady-state managed allocations of an action on the current thread.</summary>
public static class Allocations
{
    /// <summary>
    /// The fewest bytes that <paramref name="action"/>'s 10 calls allocate, over 3 rounds after 50 warm-up calls. A
    /// steady-state allocation shows in every round; a one-off by the runtime (tiered re-compilation, a type's first
    /// use) shows in one round only, so the minimum separates the two.
    /// </summary>
    public static long OfWarm(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        for (int i = 0; i < 50; i++)
        {
            action();
        }

        long fewest = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10; i++)
            {
                action();
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
