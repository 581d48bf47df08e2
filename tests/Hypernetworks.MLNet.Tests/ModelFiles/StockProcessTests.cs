using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Hypernetworks.MLNet.Tests.Trainers;
using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Tests.ModelFiles;

/// <summary>
/// A saved model of each task scored in a separate process that references only Microsoft.ML, OnnxTransformer and
/// OnnxRuntime (tests/Hypernetworks.StockLoader): the same output columns, names and types, and values within 1e-5
/// relative of ours.
/// </summary>
public sealed class StockProcessTests
{
    private static readonly string LoaderPath = typeof(StockProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "StockLoaderPath").Value!;

    [Theory]
    [MemberData(nameof(HypernetworkSchemaTests.Tasks), MemberType = typeof(HypernetworkSchemaTests))]
    public void SeparateStockProcess_ScoresLikeOurs(HypernetworkTask task)
    {
        var context = new MLContext(1);
        IDataView train = HypernetworkSchemaTests.Data(task, 80);
        using HypernetworkTransformer model = context.Hypernetwork(TaskData.Options(epochs: 2)).Fit(train);
        string folder = Directory.CreateTempSubdirectory("hypernetwork-stock-").FullName;
        try
        {
            string modelPath = Path.Combine(folder, "model.zip");
            context.Model.Save(model, train.Schema, modelPath);
            List<RegressionTaskRow> rows = TaskData.Regression(25, 9);
            string csvPath = Path.Combine(folder, "rows.csv");
            File.WriteAllLines(csvPath, ["c0,c1,x0,x1,x2,x3,label", .. rows.Select(r => string.Join(",", r.Conditioning.Concat(r.Features).Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "," + LabelText(task))]);

            string[] lines = Run(modelPath, csvPath);
            IDataView ours = model.Transform(Inputs(context, task, rows));
            string[] expectedColumns = [.. ours.Schema.Skip(train.Schema.Count).Where(c => !c.IsHidden).Select(c => $"{c.Name}:{c.Type}")];
            Assert.Equal(string.Join(",", expectedColumns), lines[0]);
            List<object?[]> expected = ColumnValues.ReadAll(ours);
            Assert.Equal(rows.Count, lines.Length - 1);
            for (int i = 0; i < rows.Count; i++)
            {
                float[] theirs = [.. lines[i + 1].Split(',').Select(v => v is "true" or "false" ? (v == "true" ? 1f : 0f) : float.Parse(v, CultureInfo.InvariantCulture))];
                float[] mine = [.. expected[i].Skip(train.Schema.Count).SelectMany(Flatten)];
                Assert.Equal(mine.Length, theirs.Length);
                for (int j = 0; j < mine.Length; j++)
                {
                    Assert.True(Math.Abs(mine[j] - theirs[j]) <= ModelFileChecks.StockTolerance * Math.Max(1, Math.Abs(mine[j])), $"Row {i} value {j}: ours {mine[j]:R}, stock process {theirs[j]:R}.");
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string LabelText(HypernetworkTask task) => task switch
    {
        HypernetworkTask.BinaryClassification => "false",
        HypernetworkTask.MulticlassClassification => "1",
        _ => "0",
    };

    private static IDataView Inputs(MLContext context, HypernetworkTask task, List<RegressionTaskRow> rows) => task switch
    {
        HypernetworkTask.BinaryClassification => context.Data.LoadFromEnumerable(rows.Select(r => new BinaryTaskRow { Conditioning = r.Conditioning, Features = r.Features })),
        HypernetworkTask.MulticlassClassification => context.Data.LoadFromEnumerable(rows.Select(r => new MulticlassTaskRow { Conditioning = r.Conditioning, Features = r.Features })),
        _ => context.Data.LoadFromEnumerable(rows),
    };

    private static IEnumerable<float> Flatten(object? value) => value switch
    {
        float f => [f],
        float[] fs => fs,
        bool b => [b ? 1f : 0f],
        uint key => [key],
        _ => throw new InvalidOperationException($"Unexpected output value {value}."),
    };

    private static string[] Run(string modelPath, string csvPath)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(LoaderPath);
        start.ArgumentList.Add(modelPath);
        start.ArgumentList.Add(csvPath);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "The stock loader did not finish within 2 minutes.");
        Assert.True(process.ExitCode == 0, $"The stock loader failed ({process.ExitCode}): {error.Result}");
        return output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
