using System.Globalization;

namespace Hypernetworks.Packaging.Tests;

[Collection(PackagingCollection.Name)]
public sealed class ToolInstallTests(LocalFeed feed)
{
    [Fact]
    public void InstalledTool_TrainsAndPredictsOnACsvFile()
    {
        string tools = Path.Combine(feed.Folder, "tools");
        string work = Directory.CreateDirectory(Path.Combine(feed.Folder, "tool-run")).FullName;
        Command.Run(feed.Folder, "dotnet", "tool", "install", "Hypernetworks.Cli", "--version", feed.Version, "--tool-path", tools, "--configfile", feed.ConfigPath);
        string hypernet = Path.Combine(tools, "hypernet");
        string data = WriteCsv(work);

        string trained = Command.Run(work, hypernet, "train", "--data", data, "--conditioning", "amp,phase", "--features", "x", "--label", "y", "--out", "model.zip", "--option", "Epochs=3");
        string predicted = Command.Run(work, hypernet, "predict", "--model", "model.zip", "--data", data, "--out", "scored.csv");

        Assert.Contains("FastTree", trained, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(work, "model.html")));
        Assert.Contains("scored.csv", predicted, StringComparison.Ordinal);
        string[] lines = File.ReadAllLines(Path.Combine(work, "scored.csv"));
        Assert.Equal("amp,phase,x,y,Score", lines[0]);
        Assert.Equal(File.ReadAllLines(data).Length, lines.Length);
    }

    private static string WriteCsv(string folder)
    {
        var random = new Random(3);
        var lines = new List<string> { "amp,phase,x,y" };
        for (int t = 0; t < 10; t++)
        {
            double amp = 0.5 + (3 * random.NextDouble());
            double phase = 3 * random.NextDouble();
            for (int i = 0; i < 20; i++)
            {
                double x = -4 + (8 * random.NextDouble());
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{amp:F4},{phase:F4},{x:F4},{amp * Math.Sin(x + phase):F4}"));
            }
        }

        string path = Path.Combine(folder, "tasks.csv");
        File.WriteAllLines(path, lines);
        return path;
    }
}
