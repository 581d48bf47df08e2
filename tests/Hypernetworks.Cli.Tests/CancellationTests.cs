using System.Diagnostics;

namespace Hypernetworks.Cli.Tests;

public sealed class CancellationTests
{
    [Fact]
    public async Task CtrlC_DuringTraining_ExitsWith130AndWritesNoFile()
    {
        using var folder = new TempFolder();
        string data = TaskData.Write(folder.Path, tasks: 40, points: 50);
        string model = folder.File("model.zip");
        using Process process = Hypernet.Start("train", "-d", data, "-c", "amp,phase", "-f", "x", "-l", "y", "--out", model, "-o", "Epochs=100000");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string? line;
        do
        {
            line = process.StandardOutput.ReadLine();
        }
        while (line is not null && !line.StartsWith("Data:", StringComparison.Ordinal));

        await Task.Delay(1500);
        Assert.False(process.HasExited, "training ended before it could be interrupted");
        using (Process kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("Cancelled", await error, StringComparison.Ordinal);
        Assert.False(File.Exists(model));
        Assert.False(File.Exists(folder.File("model.html")));
        Assert.Empty(folder.TemporaryFiles());
    }

    [Fact]
    public async Task CtrlC_DuringASweep_ExitsWith130AndLeavesTheStoreToResumeFrom()
    {
        using var folder = new TempFolder();
        string data = TaskData.Write(folder.Path, tasks: 20, points: 40);
        string model = folder.File("best.zip");
        string store = folder.File("trials.db");
        using Process process = Hypernet.Start("sweep", "-d", data, "-c", "amp,phase", "-f", "x", "-l", "y", "--out", model, "--store", "sqlite:" + store, "--time", "600", "--no-early-stopping", "-o", "Epochs=100000");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string? line;
        do
        {
            line = process.StandardOutput.ReadLine();
        }
        while (line is not null && !line.StartsWith("Data:", StringComparison.Ordinal));

        await Task.Delay(2000);
        Assert.False(process.HasExited, "the sweep ended before it could be interrupted");
        using (Process kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("Cancelled", await error, StringComparison.Ordinal);
        Assert.False(File.Exists(model));
        Assert.True(File.Exists(store));
        Assert.Empty(folder.TemporaryFiles());
    }
}
