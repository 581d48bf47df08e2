namespace Hypernetworks.Cli.Reports;

/// <summary>The range of one chart axis and its tick values, rounded to 1, 2 or 5 times a power of ten.</summary>
/// <param name="Min">The smallest value shown.</param>
/// <param name="Max">The largest value shown.</param>
/// <param name="Ticks">The tick values.</param>
internal sealed record Axis(double Min, double Max, IReadOnlyList<double> Ticks)
{
    /// <summary>An axis that shows every value in <paramref name="values"/>.</summary>
    /// <param name="values">The values (finite).</param>
    /// <param name="categorical">Whether the values are category indices (ticks at each integer).</param>
    public static Axis Fit(IEnumerable<double> values, bool categorical)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] all = [.. values];
        double min = all.Min();
        double max = all.Max();
        if (categorical)
        {
            double[] ticks = [.. Enumerable.Range((int)Math.Floor(min), (int)Math.Floor(max) - (int)Math.Floor(min) + 1).Select(i => (double)i)];
            return new Axis(min - 0.5, max + 0.5, ticks);
        }

        if (max - min < 1e-12 * Math.Max(1, Math.Abs(max)))
        {
            double pad = Math.Abs(max) > 0 ? Math.Abs(max) * 0.1 : 1;
            min -= pad;
            max += pad;
        }

        double step = NiceStep((max - min) / 5);
        double first = Math.Floor(min / step) * step;
        double last = Math.Ceiling(max / step) * step;
        var tickList = new List<double>();
        for (double t = first; t <= last + (step / 2); t += step)
        {
            tickList.Add(Math.Round(t / step) * step);
        }

        return new Axis(first, last, tickList);
    }

    private static double NiceStep(double raw)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
