using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace Hypernetworks.MLNet.Tests.AutoML;

/// <summary>A sweep worker (tests/Hypernetworks.AutoML.Worker) running as a separate process.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly ConcurrentQueue<string> errors = new();

    private WorkerProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { errors.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines => lines.ToArray();

    public string ErrorText => string.Join('\n', errors);

    public static WorkerProcess Start(string store, string experiment, string workerId, int trials, int epochs, int epochMilliseconds, int heartbeatTimeoutMilliseconds, int seed)
    {
        string workerPath = typeof(WorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "AutoMLWorkerPath").Value!;
        Assert.True(File.Exists(workerPath), $"The worker was not built at {workerPath}.");
        string host = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            workerPath, "--store", store, "--experiment", experiment, "--worker", workerId, "--trials", $"{trials}", "--epochs", $"{epochs}",
            "--epoch-ms", $"{epochMilliseconds}", "--heartbeat-timeout-ms", $"{heartbeatTimeoutMilliseconds}", "--seed", $"{seed}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        return new WorkerProcess(Process.Start(start)!);
    }

    /// <summary>The trial ids on lines starting with <paramref name="verb"/> (START, DONE).</summary>
    public int[] Ids(string verb) =>
        Lines.Where(l => l.StartsWith(verb + " ", StringComparison.Ordinal))
            .Select(l => int.Parse(l.AsSpan(verb.Length + 1), System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();

    public async Task WaitUntilAsync(Func<WorkerProcess, bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!condition(this))
        {
            Assert.True(watch.Elapsed < timeout, $"Timed out waiting for the worker; output:\n{string.Join('\n', Lines)}\n{ErrorText}");
            if (process.HasExited)
            {
                Assert.Fail($"The worker exited early ({process.ExitCode}); output:\n{string.Join('\n', Lines)}\n{ErrorText}");
            }

            await Task.Delay(10);
        }
    }

    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }
}
