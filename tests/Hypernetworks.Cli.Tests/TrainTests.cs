namespace Hypernetworks.Cli.Tests;

public sealed class TrainTests(TrainedModel trained) : IClassFixture<TrainedModel>
{
    [Fact]
    public void Train_WritesTheModelAndTheReportAndNoTemporaryFile()
    {
        Assert.True(trained.Train.ExitCode == 0, trained.Train.ToString());
        Assert.True(new FileInfo(trained.ModelPath).Length > 0);
        string report = File.ReadAllText(trained.ReportPath);
        Assert.Contains("FastTree", report, StringComparison.Ordinal);
        Assert.Contains("<polyline", report, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(trained.Folder, "*.tmp"));
    }

    [Fact]
    public void Train_PrintsTheComparisonWithTheStockTrainer()
    {
        Assert.Contains("RMSE", trained.Train.Output, StringComparison.Ordinal);
        Assert.Contains("FastTree", trained.Train.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("positive", "PredictedLabel,Probability", "AUC")]
    [InlineData("band", "PredictedLabel,Score.", "Micro-accuracy")]
    public void Train_ClassificationLabels_PickTheirTaskAndPredict(string label, string predictedHeader, string metric)
    {
        using var folder = new TempFolder();
        string data = TaskData.Write(folder.Path, tasks: 8, points: 20);
        string model = folder.File("m.zip");

        ToolResult train = Hypernet.Run("train", "-d", data, "-c", "task", "-f", "x", "-l", label, "--out", model, "-o", "Epochs=5");
        ToolResult predict = Hypernet.Run("predict", "-m", model, "-d", data, "--out", folder.File("scored.csv"));

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains(metric, train.Output, StringComparison.Ordinal);
        Assert.True(predict.ExitCode == 0, predict.ToString());
        string[] lines = File.ReadAllLines(folder.File("scored.csv"));
        Assert.StartsWith(TaskData.Header + "," + predictedHeader, lines[0], StringComparison.Ordinal);
        Assert.Equal(File.ReadAllLines(data).Length, lines.Length);
    }

    [Fact]
    public void Predict_TaskIdNotSeenInTraining_ExitsWithInvalidInputAndTheRemedy()
    {
        using var folder = new TempFolder();
        string data = TaskData.Write(folder.Path, tasks: 6, points: 10);
        string model = folder.File("m.zip");
        string unseen = folder.File("unseen.csv");
        File.WriteAllLines(unseen, ["task,x", "T1,0.5", "T99,0.25"]);

        ToolResult train = Hypernet.Run("train", "-d", data, "-c", "task", "-f", "x", "-l", "y", "--out", model, "--no-report", "-o", "Epochs=2");
        ToolResult predict = Hypernet.Run("predict", "-m", model, "-d", unseen, "--out", folder.File("never.csv"));

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Equal(2, predict.ExitCode);
        Assert.Contains("--conditioning-encoding OneHot", predict.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("never.csv")));
        Assert.Empty(folder.TemporaryFiles());
    }

    [Fact]
    public void Train_UnknownColumn_ExitsWithInvalidInputNamingIt()
    {
        ToolResult result = Hypernet.Run("train", "-d", trained.DataPath, "-c", "amp", "-f", "nope", "-l", "y", "--out", Path.Combine(trained.Folder, "never.zip"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'nope'", result.Error, StringComparison.Ordinal);
        Assert.Contains("--features", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(trained.Folder, "never.zip")));
    }

    [Theory]
    [InlineData("a,b,y\n1,2,3\n1,2\n", "not valid CSV at row 3: An inconsistent number of columns")]
    [InlineData("a,b,a\n1,2,3\n", "names the column 'a' twice")]
    [InlineData("", "is empty")]
    [InlineData("a,b,y\n", "no data rows")]
    public void Train_MalformedCsv_ExitsWithInvalidInputSayingWhere(string content, string message)
    {
        string data = Path.Combine(trained.Folder, $"malformed-{message.Length}.csv");
        File.WriteAllText(data, content);

        ToolResult result = Hypernet.Run("train", "-d", data, "-c", "a", "-f", "b", "-l", "y");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Train_MissingDataFile_ExitsWithInvalidInput()
    {
        ToolResult result = Hypernet.Run("train", "-d", "/nonexistent/data.csv", "-c", "a", "-f", "b", "-l", "c");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/data.csv", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nope=1", "unknown option 'Nope'")]
    [InlineData("Epochs=many", "Epochs=many")]
    [InlineData("Generator=Huge", "PerLayer")]
    public void Train_BadTrainerOption_ExitsWithInvalidInput(string option, string message)
    {
        ToolResult result = Hypernet.Run("train", "-d", trained.DataPath, "-c", "amp", "-f", "x", "-l", "y", "-o", option, "--out", Path.Combine(trained.Folder, "never.zip"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_TextLabelForRegression_ExitsWithInvalidInput()
    {
        ToolResult result = Hypernet.Run("train", "-d", trained.DataPath, "-c", "amp", "-f", "x", "-l", "band", "--task", "regression");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'band'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_EmptyNumber_ExitsWithInvalidInputNamingTheColumns()
    {
        string data = Path.Combine(trained.Folder, "gap.csv");
        File.WriteAllLines(data, ["amp,phase,x,y", "1,2,3,4", "1,,3,4", "2,2,3,4", "1,2,1,4", "1,2,2,4", "1,1,3,4"]);

        ToolResult result = Hypernet.Run("train", "-d", data, "-c", "amp,phase", "-f", "x", "-l", "y", "--test-fraction", "0.3", "--out", Path.Combine(trained.Folder, "never.zip"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("NaN", result.Error, StringComparison.Ordinal);
        Assert.Contains("made of amp, phase", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_OutputFolderMissing_ExitsWithOutputFailed()
    {
        ToolResult result = Hypernet.Run("train", "-d", trained.DataPath, "-c", "amp", "-f", "x", "-l", "y", "-o", "Epochs=1", "--out", "/nonexistent/folder/m.zip");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("/nonexistent/folder", result.Error, StringComparison.Ordinal);
    }
}
