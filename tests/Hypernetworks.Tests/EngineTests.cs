using Hypernetworks.Tests.Tensors;

namespace Hypernetworks.Tests;

// One test changes the process-wide MaxThreads: run alone.
[Collection(GemmGlobalStateCollection.Name)]
public class EngineTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void MaxThreads_RejectsCountsOutsideOneToSixtyFour(int threads)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Engine.MaxThreads = threads);
        Assert.Contains("between 1 and 64", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void LimitThreads_RejectsCountsOutsideOneToSixtyFour(int threads)
    {
        Assert.Throws<ArgumentOutOfRangeException>("threads", () => Engine.LimitThreads(threads));
    }

    [Fact]
    public void LimitThreads_AppliesToTheCallingThreadUntilDisposed_AndOnlyLowers()
    {
        int before = Engine.ThreadsForCurrentThread;
        using (Engine.LimitThreads(1))
        {
            Assert.Equal(1, Engine.ThreadsForCurrentThread);
            int elsewhere = 0;
            var other = new Thread(() => elsewhere = Engine.ThreadsForCurrentThread);
            other.Start();
            other.Join();
            Assert.Equal(Engine.MaxThreads, elsewhere);
            using (Engine.LimitThreads(8))
            {
                Assert.Equal(1, Engine.ThreadsForCurrentThread);
            }

            default(ThreadLimitScope).Dispose();
            Assert.Equal(1, Engine.ThreadsForCurrentThread);
        }

        Assert.Equal(before, Engine.ThreadsForCurrentThread);
    }

    [Fact]
    public void LimitThreads_FollowsMaxThreadsChangedAfterTheScopeOpened()
    {
        int previous = Engine.MaxThreads;
        try
        {
            Engine.MaxThreads = 1;
            using ThreadLimitScope scope = Engine.LimitThreads(8);
            Assert.Equal(1, Engine.ThreadsForCurrentThread);
            Engine.MaxThreads = 3;
            Assert.Equal(3, Engine.ThreadsForCurrentThread);
        }
        finally
        {
            Engine.MaxThreads = previous;
        }
    }

    [Fact]
    public void LimitThreads_AboveMaxThreads_GivesMaxThreads()
    {
        using ThreadLimitScope scope = Engine.LimitThreads(64);
        Assert.Equal(Engine.MaxThreads, Engine.ThreadsForCurrentThread);
    }
}
