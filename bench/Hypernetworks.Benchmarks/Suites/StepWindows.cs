using System.Diagnostics;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// Times every step of a long run and gives the median ms per step of each window of <see cref="WindowSteps"/>
/// steps, to show whether the speed holds (a run that slows down, e.g. from values sinking into float's denormal
/// range, shows as later windows slower than the first). The median ignores a stray slow step (a GC, the machine's
/// other load); a slow-down that lasts shows. Each step is timed twice: on the wall clock, and in the CPU time of
/// the whole process (every thread), which a shared machine's other load hardly changes but a denormal stall does.
/// </summary>
internal sealed class StepWindows
{
    public const int WindowSteps = 500;

    private readonly double[] _wall = new double[WindowSteps];
    private readonly double[] _cpu = new double[WindowSteps];
    private readonly List<double> _wallMedians = new(64);
    private readonly List<double> _cpuMedians = new(64);
    private int _filled;
    private long _last;
    private TimeSpan _lastCpu;

    // The first sort of a double[] creates the runtime's sort helper (24 bytes); doing it here keeps it out of the
    // bytes per step a suite measures.
    public StepWindows() => Array.Sort(_wall);

    /// <summary>The median wall-clock ms per step of each complete window so far.</summary>
    public IReadOnlyList<double> Medians => _wallMedians;

    /// <summary>The median CPU ms (all threads) per step of each complete window so far.</summary>
    public IReadOnlyList<double> CpuMedians => _cpuMedians;

    /// <summary>The slowest window's wall-clock median over the first window's; 1 before any window is complete.</summary>
    public double SlowestToFirst => Ratio(_wallMedians);

    /// <summary>The slowest window's CPU median over the first window's; 1 before any window is complete.</summary>
    public double CpuSlowestToFirst => Ratio(_cpuMedians);

    /// <summary>Marks the start of the first step.</summary>
    public void Start()
    {
        _last = Stopwatch.GetTimestamp();
        _lastCpu = Environment.CpuUsage.TotalTime;
    }

    /// <summary>Marks the end of a step (and the start of the next).</summary>
    public void Lap()
    {
        long now = Stopwatch.GetTimestamp();
        TimeSpan cpu = Environment.CpuUsage.TotalTime;
        _wall[_filled] = Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds;
        _cpu[_filled] = (cpu - _lastCpu).TotalMilliseconds;
        _filled++;
        _last = now;
        _lastCpu = cpu;
        if (_filled == WindowSteps)
        {
            _wallMedians.Add(Median(_wall));
            _cpuMedians.Add(Median(_cpu));
            _filled = 0;
        }
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return Math.Round((values[(WindowSteps / 2) - 1] + values[WindowSteps / 2]) / 2, 3);
    }

    private static double Ratio(List<double> medians) => medians.Count == 0 ? 1 : Math.Round(medians.Max() / medians[0], 3);
}
