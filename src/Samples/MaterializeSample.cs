using System.Diagnostics;
using Hypernetworks.MLNet;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

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

    /// <summary>Runs the sample.</summary>
    public static void Run()
    {
        var clock = Stopwatch.StartNew();
        string folder = Directory.CreateTempSubdirectory("hypernetworks-materialize-").FullName;
        var mlContext = new MLContext(seed: 1);
        IDataView train = mlContext.Data.LoadFromEnumerable(Sinusoids(seed: 1));
        Console.WriteLine($"Data:  {Tasks} sinusoid tasks y = A·sin(x + φ) x {PointsPerTask} points; the conditioning is (A, cos φ, sin φ)");

        var options = new HypernetworkTrainer.Options
        {
            ConditioningColumnName = "Task",
            FeatureColumnName = "Features",
            LabelColumnName = "Label",
            HiddenSizes = [64, 64],
            TargetHiddenSizes = [32, 32],
            Epochs = 100,
            Seed = 1,
        };
        using HypernetworkTransformer model = mlContext.Regression.Trainers.Hypernetwork(options).Fit(train);
        Console.WriteLine($"Train: hypernetwork of {model.Model.ParameterCount:N0} parameters; each generated network has {model.Model.Spec.TargetParameterCount():N0}");

        (float Amplitude, float Phase)[] tasks = [(1f, 0f), (2.5f, 1f), (4f, 2.5f)];
        float[] xs = [-3f, -1f, 0.5f, 2f];
        foreach ((float amplitude, float phase) in tasks)
        {
            float[] descriptor = [amplitude, MathF.Cos(phase), MathF.Sin(phase)];
            string path = Path.Combine(folder, $"task-A{amplitude}-phi{phase}.onnx");
            model.SaveTargetNetworkOnnx(descriptor, path);
            TargetNetwork network = model.Materialize(descriptor);
            float[] onnx = RunOnnx(path, xs);
            Console.WriteLine($"Task A={amplitude}, φ={phase}: {Path.GetFileName(path)} ({new FileInfo(path).Length:N0} bytes, layers {string.Join(" -> ", network.LayerSizes.Select(l => l.In).Append(network.OutputSize))})");
            for (int i = 0; i < xs.Length; i++)
            {
                float ours = 0;
                network.Forward([xs[i]], new Span<float>(ref ours));
                Console.WriteLine($"       x={xs[i],5:F1}: ONNX Runtime {onnx[i],8:F4}   our engine {ours,8:F4}   true {amplitude * MathF.Sin(xs[i] + phase),8:F4}");
            }
        }

        Console.WriteLine($"Files: {folder}");
        Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:F1} s.");
    }

    private static float[] RunOnnx(string path, float[] xs)
    {
        using var session = new InferenceSession(path);
        string input = session.InputMetadata.Keys.Single();
        var tensor = new DenseTensor<float>(xs, [xs.Length, 1]);
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results = session.Run([NamedOnnxValue.CreateFromTensor(input, tensor)]);
        return [.. results.First().AsEnumerable<float>()];
    }

    private static List<SinusoidRow> Sinusoids(int seed)
    {
        var random = new Random(seed);
        var rows = new List<SinusoidRow>(Tasks * PointsPerTask);
        for (int t = 0; t < Tasks; t++)
        {
            float amplitude = 0.5f + (4f * random.NextSingle());
            float phase = MathF.PI * random.NextSingle();
            for (int p = 0; p < PointsPerTask; p++)
            {
                float x = -5f + (10f * random.NextSingle());
                rows.Add(new SinusoidRow { Task = [amplitude, MathF.Cos(phase), MathF.Sin(phase)], Features = x, Label = amplitude * MathF.Sin(x + phase) });
            }
        }

        return rows;
    }
}
