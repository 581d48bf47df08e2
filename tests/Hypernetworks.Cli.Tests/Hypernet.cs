using System.Diagnostics;
using System.Reflection;

namespace Hypernetworks.Cli.Tests;

/// <summary>Runs the built <c>hypernet</c> tool as a separate process.</summary>
public static class Hypernet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string ToolPath { get; } = Path.GetFullPath(typeof(Hypernet).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HypernetPath").Value!);

    /// <summary>Runs the tool with <paramref name="args"/> and waits for it.</summary>
    public static ToolResult Run(params string[] args)
    {
        using Process process = Start(args);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"hypernet {string.Join(' ', args)} ran longer than {Timeout}.");
        }

        return new ToolResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Starts the tool with redirected output.</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(ToolPath);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }
}
