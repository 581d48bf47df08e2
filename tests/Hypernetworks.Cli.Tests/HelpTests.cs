namespace Hypernetworks.Cli.Tests;

public sealed class HelpTests
{
    [Fact]
    public void Help_ListsEveryVerbAndTheExitCodes()
    {
        ToolResult result = Hypernet.Run("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (string verb in new[] { "train", "sweep", "predict", "export", "inspect" })
        {
            Assert.Contains(verb, result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("130 cancelled", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train", "--conditioning")]
    [InlineData("sweep", "--store")]
    [InlineData("predict", "--model")]
    [InlineData("export", "--condition")]
    [InlineData("inspect", "--json")]
    public void VerbHelp_DescribesItsOptions(string verb, string option)
    {
        ToolResult result = Hypernet.Run(verb, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.Contains(option, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownVerb_IsAUsageError()
    {
        ToolResult result = Hypernet.Run("fly");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void MissingRequiredOption_IsAUsageErrorNamingIt()
    {
        ToolResult result = Hypernet.Run("train", "--data", "x.csv", "--conditioning", "a", "--features", "b");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--label", result.Error, StringComparison.Ordinal);
    }
}
