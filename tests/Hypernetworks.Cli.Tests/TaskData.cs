using System.Globalization;

namespace Hypernetworks.Cli.Tests;

/// <summary>
/// Writes a small multi-task CSV: a family of sinusoids y = amp·sin(x + phase), one task per (amp, phase), with a
/// task id, a boolean label (y &gt; 0) and a three-way text label (the band y falls in).
/// </summary>
public static class TaskData
{
    public const string Header = "task,amp,phase,x,y,positive,band";

    public static string Write(string folder, string name = "tasks.csv", int tasks = 12, int points = 25, int seed = 1)
    {
        var random = new Random(seed);
        string path = Path.Combine(folder, name);
        using var writer = new StreamWriter(path);
        writer.WriteLine(Header);
        for (int t = 0; t < tasks; t++)
        {
            double amp = 0.5 + (3 * random.NextDouble());
            double phase = Math.PI * random.NextDouble();
            for (int p = 0; p < points; p++)
            {
                double x = -4 + (8 * random.NextDouble());
                double y = amp * Math.Sin(x + phase);
                string band = y < -1 ? "low" : y > 1 ? "high" : "mid";
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"T{t},{amp:F4},{phase:F4},{x:F4},{y:F4},{(y > 0 ? "true" : "false")},{band}"));
            }
        }

        return path;
    }
}
