namespace Hypernetworks.Cli.Tests;

/// <summary>What one run of the tool printed and returned.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
