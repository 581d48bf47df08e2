using System.Text.RegularExpressions;

namespace Hypernetworks.Cli.Tests;

public sealed partial class SweepTests(SweptModel swept) : IClassFixture<SweptModel>
{
    [Fact]
    public void Sweep_WritesTheBestModelTheReportAndTheStore()
    {
        Assert.True(swept.First.ExitCode == 0, swept.First.ToString());
        Assert.True(File.Exists(swept.ModelPath));
        Assert.True(File.Exists(swept.StorePath));
        string report = File.ReadAllText(swept.ReportPath);
        Assert.Contains("best so far", report, StringComparison.Ordinal);
        Assert.Contains("against RootMeanSquaredError", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_RunAgainWithTheSameStore_ResumesWithTheNextTrials()
    {
        Assert.True(swept.Resumed.ExitCode == 0, swept.Resumed.ToString());
        int[] first = TrialIds(swept.First.Output);
        int[] resumed = TrialIds(swept.Resumed.Output);
        Assert.Equal([1, 2, 3], first);
        Assert.Equal([4, 5], resumed);
        Assert.Equal(5, TrialRows().Matches(File.ReadAllText(swept.ReportPath)).Count);
    }

    [Fact]
    public void Sweep_PredictWithTheBestModel()
    {
        ToolResult result = Hypernet.Run("predict", "-m", swept.ModelPath, "-d", swept.DataPath, "--out", Path.Combine(swept.Folder, "scored.csv"));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Sweep_BadStore_ExitsWithInvalidInput()
    {
        ToolResult result = Hypernet.Run("sweep", "-d", swept.DataPath, "-c", "task", "-f", "x", "-l", "y", "--store", "redis:somewhere", "--out", Path.Combine(swept.Folder, "never.zip"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--store", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_BadMetric_ExitsWithInvalidInputListingTheMetrics()
    {
        ToolResult result = Hypernet.Run("sweep", "-d", swept.DataPath, "-c", "task", "-f", "x", "-l", "y", "--metric", "Accuracy", "--out", Path.Combine(swept.Folder, "never.zip"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("RootMeanSquaredError", result.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Sweep_PostgresStore_SharesTheSweepByExperimentName()
    {
        string? connection = Environment.GetEnvironmentVariable("HYPERNETWORKS_TEST_POSTGRES");
        Skip.If(string.IsNullOrEmpty(connection), "HYPERNETWORKS_TEST_POSTGRES is not set (.ci/run sets it): no PostgreSQL server to sweep on.");
        string experiment = "hypernet-cli-" + Guid.NewGuid().ToString("N");
        string[] Args(int trials) =>
        [
            "sweep", "-d", swept.DataPath, "-c", "task", "-f", "x", "-l", "y", "--out", Path.Combine(swept.Folder, "pg.zip"), "--no-report",
            "--store", "postgres:" + connection, "--experiment", experiment, "--trials", trials.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", "Epochs=3",
        ];

        ToolResult first = Hypernet.Run(Args(2));
        ToolResult second = Hypernet.Run(Args(3));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal([1, 2], TrialIds(first.Output));
        Assert.Equal([3], TrialIds(second.Output));
    }

    [Fact]
    public void Sweep_UnreachablePostgres_ExitsWithInvalidInputWithoutThePassword()
    {
        ToolResult result = Hypernet.Run("sweep", "-d", swept.DataPath, "-c", "task", "-f", "x", "-l", "y", "--out", Path.Combine(swept.Folder, "never.zip"),
            "--store", "postgres:Host=127.0.0.1;Port=1;Username=nobody;Password=secret;Timeout=2", "--trials", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("trial store could not be used", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.Error + result.Output, StringComparison.Ordinal);
    }

    private static int[] TrialIds(string output) =>
        [.. CompletedTrial().Matches(output).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"^trial (\d+): ", RegexOptions.Multiline)]
    private static partial Regex CompletedTrial();

    [GeneratedRegex(@"<tr><td(?: class=""better"")?>\d+</td><td>(?:Completed|Stopped)</td>")]
    private static partial Regex TrialRows();
}
