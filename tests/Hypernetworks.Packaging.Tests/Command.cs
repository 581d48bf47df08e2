using System.Diagnostics;

namespace Hypernetworks.Packaging.Tests;

/// <summary>Runs a command to completion and fails with its output when it does not exit 0.</summary>
public static class Command
{
    public static string Run(string workingDirectory, string fileName, params string[] args) => Run(workingDirectory, TimeSpan.FromMinutes(5), fileName, args);

    public static string Run(string workingDirectory, TimeSpan timeout, string fileName, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        // The test host's MSBuild settings must not leak into the child builds.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} ran longer than {timeout}.");
        }

        string all = output.Result + error.Result;
        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"{fileName} {string.Join(' ', args)} exited {process.ExitCode}:\n{all}");
    }
}
