namespace Hypernetworks.Cli.Tests;

/// <summary>A sweep of three trials, then the same command resumed to five, sharing one SQLite store.</summary>
public sealed class SweptModel : IDisposable
{
    private readonly TempFolder _folder = new();

    public SweptModel()
    {
        DataPath = TaskData.Write(_folder.Path, tasks: 10, points: 20);
        ModelPath = _folder.File("best.zip");
        ReportPath = _folder.File("best.html");
        StorePath = _folder.File("trials.db");
        First = Sweep(3);
        Resumed = Sweep(5);
    }

    public string DataPath { get; }

    public string ModelPath { get; }

    public string ReportPath { get; }

    public string StorePath { get; }

    public string Folder => _folder.Path;

    public ToolResult First { get; }

    public ToolResult Resumed { get; }

    public void Dispose() => _folder.Dispose();

    private ToolResult Sweep(int trials) => Hypernet.Run(
        "sweep", "-d", DataPath, "-c", "task", "-f", "x", "-l", "y", "--out", ModelPath, "--store", "sqlite:" + StorePath,
        "--trials", trials.ToString(System.Globalization.CultureInfo.InvariantCulture), "--time", "60", "-o", "Epochs=4");
}
