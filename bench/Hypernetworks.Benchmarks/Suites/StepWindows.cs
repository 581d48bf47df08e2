using System.Diagnostics;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// Times every step of a long run and gives the median ms per step of each window of <see cref="WindowSteps"/>
/// steps, to show whether the speed holds (a run that slows down, e.g. from values sinking into float's denormal
/// range, shows as later windows slower than the first). The median ignores a stray slow step (a GC, the machine's
/// other load); a slow-down that lasts shows.
/// </summary>
internal sealed class StepWindows
{
    public const int WindowSteps = 500;

    private readonly double[] _window = new double[WindowSteps];
    private readonly List<double> _medians = new(64);
    private int _filled;
    private long _last;

    /// <summary>The median ms per step of each complete window so far.</summary>
    public IReadOnlyList<double> Medians => _medians;

    /// <summary>The slowest window's median over the first window's; 1 before any window is complete.</summary>
    public double SlowestToFirst => _medians.Count == 0 ? 1 : _medians.Max() / _medians[0];

    /// <summary>Marks the start of the first step.</summary>
    public void Start() => _last = Stopwatch.GetTimestamp();

    /// <summary>Marks the end of a step (and the start of the next).</summary>
    public void Lap()
    {
        long now = Stopwatch.GetTimestamp();
        _window[_filled++] = Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds;
        _last = now;
        if (_filled == WindowSteps)
        {
            Array.Sort(_window);
            _medians.Add(Math.Round((_window[(WindowSteps / 2) - 1] + _window[WindowSteps / 2]) / 2, 3));
            _filled = 0;
        }
    }
}
