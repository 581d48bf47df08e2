namespace Hypernetworks.Cli.Tests;

/// <summary>One regression model trained by <c>hypernet train</c> on a small CSV, shared by the tests that read it.</summary>
public sealed class TrainedModel : IDisposable
{
    private readonly TempFolder _folder = new();

    public TrainedModel()
    {
        DataPath = TaskData.Write(_folder.Path);
        ModelPath = _folder.File("model.zip");
        ReportPath = _folder.File("model.html");
        Train = Hypernet.Run("train", "--data", DataPath, "--conditioning", "amp,phase", "--features", "x", "--label", "y", "--out", ModelPath, "--option", "Epochs=15");
    }

    public string DataPath { get; }

    public string ModelPath { get; }

    public string ReportPath { get; }

    public ToolResult Train { get; }

    public string Folder => _folder.Path;

    public void Dispose() => _folder.Dispose();
}
