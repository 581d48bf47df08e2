using System.Diagnostics;

namespace Hypernetworks.Cli.Tests;

/// <summary>Headless Chromium, to render reports as a person would see them (Debian's <c>chromium</c> package).</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(Path);

    /// <summary>Renders <paramref name="html"/> to a PNG screenshot.</summary>
    public static void Screenshot(string html, string png) => Run($"--screenshot={png}", "--window-size=1200,1600", new Uri(html).AbsoluteUri);

    /// <summary>The DOM after the page has rendered.</summary>
    public static string DumpDom(string html) => Run("--dump-dom", new Uri(html).AbsoluteUri);

    private static string Run(params string[] args)
    {
        string profile = Directory.CreateTempSubdirectory("hypernet-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            string[] fixedArgs =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}",
            ];
            foreach (string arg in fixedArgs.Concat(args))
            {
                start.ArgumentList.Add(arg);
            }

            using Process process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within 60 s.");
            }

            return process.ExitCode == 0 ? output.Result : throw new InvalidOperationException($"chromium exited {process.ExitCode}: {error.Result}");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
