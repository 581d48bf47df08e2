using System.Globalization;
using System.Runtime.Intrinsics.X86;

namespace Hypernetworks.Tensors;

/// <summary>
/// The per-core data cache sizes the engine sizes its blocks by, as the CPU reports them: CPUID's deterministic
/// cache parameters on x86 (leaf 4 on Intel, 0x8000001D on AMD; both give ways × partitions × line × sets), else
/// Linux's /sys/devices/system/cpu/cpu0/cache, else a small, safe guess (32 KB L1d, 512 KB L2, 4 MB L3).
/// <see cref="L3PerCore"/> is the L3 divided by the logical processors that share it (CPUID reports the count; from
/// /sys, and in the guess, L3 counts as one core's).
/// </summary>
internal readonly record struct CpuCaches(long L1Data, long L2, long L3PerCore)
{
    private const long FallbackL1 = 32 * 1024;
    private const long FallbackL2 = 512 * 1024;
    private const long FallbackL3 = 4 * 1024 * 1024;

    /// <summary>This machine's caches, read once.</summary>
    public static CpuCaches Current { get; } = Detect();

    /// <summary>The caches from CPUID, then /sys, each level falling back on its own.</summary>
    public static CpuCaches Detect()
    {
        (long l1, long l2, long l3) = FromCpuid();
        if (l1 == 0 || l2 == 0)
        {
            (long s1, long s2, long s3) = FromSysfs("/sys/devices/system/cpu/cpu0/cache");
            (l1, l2, l3) = (l1 == 0 ? s1 : l1, l2 == 0 ? s2 : l2, l3 == 0 ? s3 : l3);
        }

        return new CpuCaches(l1 > 0 ? l1 : FallbackL1, l2 > 0 ? l2 : FallbackL2, l3 > 0 ? l3 : FallbackL3);
    }

    /// <summary>Reads a sysfs cache directory (index*/level, type, size such as "48K"); 0 for a level it lacks.</summary>
    public static (long L1Data, long L2, long L3) FromSysfs(string directory)
    {
        long l1 = 0, l2 = 0, l3 = 0;
        if (!Directory.Exists(directory))
        {
            return (0, 0, 0);
        }

        foreach (string index in Directory.EnumerateDirectories(directory, "index*"))
        {
            try
            {
                string type = File.ReadAllText(Path.Combine(index, "type")).Trim();
                int level = int.Parse(File.ReadAllText(Path.Combine(index, "level")).Trim(), CultureInfo.InvariantCulture);
                long size = ParseSize(File.ReadAllText(Path.Combine(index, "size")).Trim());
                if (type == "Instruction")
                {
                    continue;
                }

                (l1, l2, l3) = level switch
                {
                    1 => (size, l2, l3),
                    2 => (l1, size, l3),
                    3 => (l1, l2, size),
                    _ => (l1, l2, l3),
                };
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
            {
                // A level that cannot be read falls back on its own.
            }
        }

        return (l1, l2, l3);
    }

    /// <summary>"48K", "1024K", "32M" or plain bytes.</summary>
    public static long ParseSize(string text)
    {
        long unit = text.EndsWith('K') ? 1024 : text.EndsWith('M') ? 1024 * 1024 : 1;
        string digits = unit == 1 ? text : text[..^1];
        return long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) * unit;
    }

    private static (long L1Data, long L2, long L3) FromCpuid()
    {
        if (!X86Base.IsSupported)
        {
            return (0, 0, 0);
        }

        (int _, int vendorB, int vendorC, int vendorD) = X86Base.CpuId(0, 0);
        bool amd = vendorB == 0x68747541 && vendorD == 0x69746E65 && vendorC == 0x444D4163; // "AuthenticAMD"
        int leaf = amd ? unchecked((int)0x8000001D) : 4;
        int highest = amd ? X86Base.CpuId(unchecked((int)0x80000000), 0).Eax : X86Base.CpuId(0, 0).Eax;
        if ((uint)highest < (uint)leaf)
        {
            return (0, 0, 0);
        }

        long l1 = 0, l2 = 0, l3 = 0;
        for (int sub = 0; sub < 16; sub++)
        {
            (int eax, int ebx, int ecx, int _) = X86Base.CpuId(leaf, sub);
            int type = eax & 0x1F;
            if (type == 0)
            {
                break;
            }

            if (type == 2)
            {
                continue; // instruction cache
            }

            long ways = ((ebx >> 22) & 0x3FF) + 1;
            long partitions = ((ebx >> 12) & 0x3FF) + 1;
            long line = (ebx & 0xFFF) + 1;
            long sets = (uint)ecx + 1L;
            long size = ways * partitions * line * sets;
            long sharing = ((eax >> 14) & 0xFFF) + 1;
            switch ((eax >> 5) & 0x7)
            {
                case 1:
                    l1 = size;
                    break;
                case 2:
                    l2 = size;
                    break;
                case 3:
                    l3 = size / sharing;
                    break;
            }
        }

        return (l1, l2, l3);
    }
}
