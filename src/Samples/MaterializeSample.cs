using System.Diagnostics;
using System.Globalization;
using Hypernetworks.MLNet;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Spectre.Console;

namespace Hypernetworks.Samples;

/// <summary>
/// Materialise: one hypernetwork is trained on a family of sinusoid tasks, then exports a plain target network for
/// each of three tasks as its own small ONNX file. Those files need neither the hypernetwork nor this library: ONNX
/// Runtime runs them, and the sample checks their outputs against our engine and against the true curve.
/// </summary>
public static class MaterializeSample
{
    private const int Tasks = 100;
    private const int PointsPerTask = 40;
    private const int Epochs = 100;

    /// <summary>Runs the sample.</summary>
    /// <param name="args">The arguments after the sample's name (none are read).</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        var clock = Stopwatch.StartNew();
        Narration.Title("Materialize: one small ONNX network per task");
        Narration.Explain(
            $"A hypernetwork is trained on {Tasks} sinusoid tasks y = A·sin(x + φ) ({PointsPerTask} points each; the " +
            "conditioning is (A, cos φ, sin φ)). For a task it has never seen, Materialize generates that task's " +
            "target network once; SaveTargetNetworkOnnx writes it as a plain MLP in ONNX that reads x alone, so a " +
            "device that serves one task needs neither the hypernetwork nor this library.");

        string folder = Directory.CreateTempSubdirectory("hypernetworks-materialize-").FullName;
        var mlContext = new MLContext(seed: 1);
        IDataView train = mlContext.Data.LoadFromEnumerable(SinusoidFamily.Rows(Tasks, PointsPerTask, taskSeed: 1, pointSeed: 2, minAmplitude: 0.5f, maxAmplitude: 4.5f));
        using HypernetworkTransformer model = TrainingBar.Show(context =>
        {
            TrainingBar bar = TrainingBar.Add(context, "Hypernetwork", Epochs);
            HypernetworkTransformer fitted = mlContext.Regression.Trainers.Hypernetwork(new HypernetworkTrainer.Options
            {
                ConditioningColumnName = "Task",
                FeatureColumnName = "Features",
                LabelColumnName = "Label",
                HiddenSizes = [64, 64],
                TargetHiddenSizes = [32, 32],
                Epochs = Epochs,
                Seed = 1,
                Progress = bar,
            }).Fit(train);
            bar.Finish();
            return fitted;
        });
        Narration.Explain(
            $"The hypernetwork has {model.Model.ParameterCount:N0} parameters; each network it generates has " +
            $"{model.Model.Spec.TargetParameterCount():N0}.");

        (float Amplitude, float Phase)[] tasks = [(1f, 0f), (2.5f, 1f), (4f, 2.5f)];
        float[] xs = [-3f, -1f, 0.5f, 2f];
        var table = new Table { Title = new TableTitle("Each task's ONNX file in ONNX Runtime, our engine, the true curve") }
            .AddColumn("Task")
            .AddColumn("File")
            .AddColumn(new TableColumn("x").RightAligned())
            .AddColumn(new TableColumn("ONNX Runtime").RightAligned())
            .AddColumn(new TableColumn("our engine").RightAligned())
            .AddColumn(new TableColumn("true").RightAligned());
        foreach ((float amplitude, float phase) in tasks)
        {
            float[] descriptor = SinusoidFamily.Descriptor(amplitude, phase);
            string path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"A{amplitude}-phi{phase}.onnx"));
            model.SaveTargetNetworkOnnx(descriptor, path);
            TargetNetwork network = model.Materialize(descriptor);
            float[] onnx = RunOnnx(path, xs);
            string layers = string.Join("→", network.LayerSizes.Select(l => l.In).Append(network.OutputSize));
            for (int i = 0; i < xs.Length; i++)
            {
                float ours = 0;
                network.Forward([xs[i]], new Span<float>(ref ours));
                table.AddRow(
                    i == 0 ? string.Create(CultureInfo.InvariantCulture, $"A={amplitude}, φ={phase}") : string.Empty,
                    i == 0 ? Markup.Escape(Path.GetFileName(path)) : i == 1 ? Markup.Escape($"{new FileInfo(path).Length:N0} bytes") : i == 2 ? Markup.Escape(layers) : string.Empty,
                    xs[i].ToString("F1", CultureInfo.InvariantCulture),
                    Format(onnx[i]),
                    Format(ours),
                    Format(amplitude * MathF.Sin(xs[i] + phase)));
            }
        }

        AnsiConsole.Write(table);
        Narration.Note($"Files: {folder}");
        Narration.Note($"Done in {clock.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    private static string Format(float value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static float[] RunOnnx(string path, float[] xs)
    {
        using var session = new InferenceSession(path);
        string input = session.InputMetadata.Keys.Single();
        var tensor = new DenseTensor<float>(xs, [xs.Length, 1]);
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results = session.Run([NamedOnnxValue.CreateFromTensor(input, tensor)]);
        return [.. results.First().AsEnumerable<float>()];
    }
}
