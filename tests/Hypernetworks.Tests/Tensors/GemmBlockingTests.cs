using Hypernetworks.Tensors;

namespace Hypernetworks.Tests.Tensors;

public class GemmBlockingTests
{
    private const long Kb = 1024;

    [Fact]
    public void For_Zen5Caches_GivesTheBlocksTunedThere()
    {
        Assert.Equal(new GemmBlocking(256, 144, 4096), GemmBlocking.For(new CpuCaches(48 * Kb, 1024 * Kb, 4096 * Kb)));
    }

    [Fact]
    public void For_Zen4Caches_KeepsTheDepthAndFitsThePanelInL1()
    {
        GemmBlocking blocking = GemmBlocking.For(new CpuCaches(32 * Kb, 1024 * Kb, 16384 * Kb));
        Assert.Equal(new GemmBlocking(256, 144, 8192), blocking);
        Assert.True(blocking.K * 32 * sizeof(float) <= 32 * Kb);
    }

    [Fact]
    public void For_ASmallL1_ShortensTheDepthToFitThePanel()
    {
        GemmBlocking blocking = GemmBlocking.For(new CpuCaches(16 * Kb, 512 * Kb, 2048 * Kb));
        Assert.Equal(128, blocking.K);
        Assert.True(blocking.K * 32 * sizeof(float) <= 16 * Kb);
    }

    [Theory]
    [InlineData(16, 256, 1024)]
    [InlineData(32, 512, 4096)]
    [InlineData(48, 2048, 32768)]
    [InlineData(64, 4096, 262144)]
    [InlineData(4096, 65536, 1048576)]
    public void For_AnyCaches_GivesBlocksTheKernelsCanTile(long l1Kb, long l2Kb, long l3Kb)
    {
        GemmBlocking blocking = GemmBlocking.For(new CpuCaches(l1Kb * Kb, l2Kb * Kb, l3Kb * Kb));
        Assert.Equal(0, blocking.K % 16);
        Assert.Equal(0, blocking.M % 12);
        Assert.Equal(0, blocking.N % 32);
        Assert.InRange(blocking.K, 64, 256);
        Assert.InRange(blocking.M, 24, 480);
        Assert.InRange(blocking.N, 512, 8192);
    }

    [Theory]
    [InlineData(784, 196)]
    [InlineData(256, 256)]
    [InlineData(257, 129)]
    [InlineData(5, 5)]
    public void Depth_SplitsIntoEqualBlocks(int k, int expected)
    {
        Assert.Equal(expected, new GemmBlocking(256, 144, 4096).Depth(k));
    }
}
