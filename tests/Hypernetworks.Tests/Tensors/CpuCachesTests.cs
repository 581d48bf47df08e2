using Hypernetworks.Tensors;

namespace Hypernetworks.Tests.Tensors;

public class CpuCachesTests
{
    [Fact]
    public void Current_ReportsPlausibleSizes()
    {
        CpuCaches caches = CpuCaches.Current;
        Assert.InRange(caches.L1Data, 8 * 1024, 1024 * 1024);
        Assert.InRange(caches.L2, caches.L1Data, 64L * 1024 * 1024);
        Assert.True(caches.L3PerCore > 0);
    }

    [Fact]
    public void Current_AgreesWithSysfsWhereLinuxHasIt()
    {
        const string directory = "/sys/devices/system/cpu/cpu0/cache";
        (long l1, long l2, _) = CpuCaches.FromSysfs(directory);
        if (l1 == 0)
        {
            return;
        }

        Assert.Equal(l1, CpuCaches.Current.L1Data);
        Assert.Equal(l2, CpuCaches.Current.L2);
    }

    [Fact]
    public void FromSysfs_ReadsDataAndUnifiedLevelsAndSkipsInstructionCaches()
    {
        string directory = Directory.CreateTempSubdirectory("caches").FullName;
        try
        {
            Write(directory, "index0", 1, "Data", "48K");
            Write(directory, "index1", 1, "Instruction", "32K");
            Write(directory, "index2", 2, "Unified", "1024K");
            Write(directory, "index3", 3, "Unified", "32M");
            Assert.Equal((48L * 1024, 1024L * 1024, 32L * 1024 * 1024), CpuCaches.FromSysfs(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void FromSysfs_ForAMissingDirectory_GivesZeros()
    {
        Assert.Equal((0L, 0L, 0L), CpuCaches.FromSysfs("/nonexistent/cache"));
    }

    [Theory]
    [InlineData("48K", 48 * 1024)]
    [InlineData("32M", 32 * 1024 * 1024)]
    [InlineData("512", 512)]
    public void ParseSize_ReadsTheSuffixes(string text, long expected)
    {
        Assert.Equal(expected, CpuCaches.ParseSize(text));
    }

    private static void Write(string directory, string index, int level, string type, string size)
    {
        string path = Path.Combine(directory, index);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "level"), $"{level}\n");
        File.WriteAllText(Path.Combine(path, "type"), $"{type}\n");
        File.WriteAllText(Path.Combine(path, "size"), $"{size}\n");
    }
}
