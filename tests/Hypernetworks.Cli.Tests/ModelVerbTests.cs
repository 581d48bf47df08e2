using System.Text.Json;

namespace Hypernetworks.Cli.Tests;

public sealed class ModelVerbTests(TrainedModel trained) : IClassFixture<TrainedModel>
{
    [Fact]
    public void Predict_WritesEveryRowWithItsScore()
    {
        string output = Path.Combine(trained.Folder, "scored.csv");

        ToolResult result = Hypernet.Run("predict", "--model", trained.ModelPath, "--data", trained.DataPath, "--out", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = File.ReadAllLines(output);
        Assert.Equal(TaskData.Header + ",Score", lines[0]);
        Assert.Equal(File.ReadAllLines(trained.DataPath).Length, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.True(float.IsFinite(float.Parse(line.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Predict_WithoutTheLabelColumn_StillScores()
    {
        string data = Path.Combine(trained.Folder, "unlabelled.csv");
        File.WriteAllLines(data, ["amp,phase,x", "1.5,0.3,0.25", "2,1,-1"]);

        ToolResult result = Hypernet.Run("predict", "-m", trained.ModelPath, "-d", data, "--out", Path.Combine(trained.Folder, "unlabelled-scored.csv"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, File.ReadAllLines(Path.Combine(trained.Folder, "unlabelled-scored.csv")).Length);
    }

    [Fact]
    public void Predict_MissingConditioningColumn_ExitsWithInvalidInputNamingIt()
    {
        string data = Path.Combine(trained.Folder, "no-phase.csv");
        File.WriteAllLines(data, ["amp,x", "1.5,0.25"]);

        ToolResult result = Hypernet.Run("predict", "-m", trained.ModelPath, "-d", data, "--out", Path.Combine(trained.Folder, "never.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'phase'", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(trained.Folder, "never.csv")));
    }

    [Fact]
    public void Predict_NotAModel_ExitsWithInvalidModel()
    {
        ToolResult result = Hypernet.Run("predict", "-m", trained.DataPath, "-d", trained.DataPath, "--out", Path.Combine(trained.Folder, "never.csv"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("not a readable hypernetwork model", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_MissingModel_ExitsWithInvalidModel()
    {
        ToolResult result = Hypernet.Run("predict", "-m", "/nonexistent/model.zip", "-d", trained.DataPath);

        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public void Inspect_Json_ShowsThePipelineSchemaSpecAndSize()
    {
        ToolResult result = Hypernet.Run("inspect", trained.ModelPath, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Output);
        JsonElement root = json.RootElement;
        Assert.Contains(root.GetProperty("pipeline").EnumerateArray(), step => step.GetString()!.StartsWith("HypernetworkTransformer", StringComparison.Ordinal));
        Assert.Contains(root.GetProperty("inputSchema").EnumerateArray(), column => column.GetProperty("name").GetString() == "phase");
        Assert.Equal("1 -> 32 -> 1", root.GetProperty("hypernetwork").GetProperty("Target layers").GetString());
        Assert.True(root.GetProperty("hypernetworkParameters").GetInt64() > 0);
        Assert.Equal(97, root.GetProperty("generatedParameters").GetInt64());
        Assert.Contains("x the size of one generated network", root.GetProperty("size").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_Text_ShowsTheSizeSentence()
    {
        ToolResult result = Hypernet.Run("inspect", trained.ModelPath);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SharedTrunk", result.Output, StringComparison.Ordinal);
        Assert.Contains("hypernetwork parameters generate 97", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("amp=2,phase=0.5")]
    [InlineData("2,0.5")]
    public void Export_WritesAnOnnxGraph(string? condition)
    {
        string onnx = Path.Combine(trained.Folder, $"export-{condition?.Length ?? 0}.onnx");
        string[] args = condition is null ? ["export", "-m", trained.ModelPath, "--onnx", onnx] : ["export", "-m", trained.ModelPath, "--onnx", onnx, "--condition", condition];

        ToolResult result = Hypernet.Run(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(new FileInfo(onnx).Length > 100);
    }

    [Theory]
    [InlineData("nope=1", "no input column 'nope'")]
    [InlineData("2,zero", "'zero' is not a number")]
    [InlineData("amp=2", "every conditioning column")]
    public void Export_BadCondition_ExitsWithInvalidInput(string condition, string message)
    {
        ToolResult result = Hypernet.Run("export", "-m", trained.ModelPath, "--onnx", Path.Combine(trained.Folder, "never.onnx"), "--condition", condition);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(trained.Folder, "never.onnx")));
    }
}
