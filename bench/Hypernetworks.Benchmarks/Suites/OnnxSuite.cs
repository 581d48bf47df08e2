using System.Diagnostics;
using System.Text.Json;
using Hypernetworks.MLNet;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// Stock ML.NET against our engine on the same saved model: for every generator kind, both encoders and every task,
/// the small model is fitted, saved with <c>mlContext.Model.Save</c>, loaded with stock <c>Load</c> (ONNX Runtime),
/// and both score the same rows. One JSON line per case: the largest relative difference of the scores (the goal:
/// at most 1e-5) and both engines' rows per second.
/// </summary>
internal sealed class OnnxSuite : IBenchmarkSuite
{
    public string Name => "onnx";

    public string Description => "stock-loaded (ONNX Runtime) vs our scores on saved models, every kind x encoder x task: --rows N";

    public void Run(BenchmarkOptions options)
    {
        int rowCount = options.GetInt("rows", 2_000);
        foreach (GeneratorKind kind in Enum.GetValues<GeneratorKind>())
        {
            foreach (bool keyed in new[] { false, true })
            {
                foreach (HypernetworkTask task in Enum.GetValues<HypernetworkTask>())
                {
                    Measure(kind, keyed, task, rowCount);
                }
            }
        }
    }

    private void Measure(GeneratorKind kind, bool keyed, HypernetworkTask task, int rowCount)
    {
        var context = new MLContext(1);
        IDataView data = context.Data.LoadFromEnumerable(OnnxCaseRow.Make(rowCount, seed: 3));
        IEstimator<ITransformer> conditioning = keyed ? context.Transforms.Conversion.MapValueToKey("ConditioningKey", "Task") : context.Transforms.CopyColumns("ConditioningKey", "Conditioning");
        IEstimator<ITransformer> label = context.Transforms.Conversion.MapValueToKey("Label", "Class");
        var estimator = conditioning.Append(label).Append(context.Hypernetwork(new HypernetworkTrainer.Options
            {
                ConditioningColumnName = "ConditioningKey",
                LabelColumnName = task switch { HypernetworkTask.Regression => "Value", HypernetworkTask.BinaryClassification => "Positive", _ => "Label" },
                Generator = kind,
                HiddenSizes = [32, 32],
                TargetHiddenSizes = [16],
                ChunkSize = kind == GeneratorKind.Chunked ? 64 : 0,
                Epochs = 2,
                Seed = 1,
            }));
        ITransformer model = estimator.Fit(data);
        using var stream = new MemoryStream();
        context.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        ITransformer stock = context.Model.Load(stream, out _);

        (float[] ours, double oursSeconds) = Scores(model.Transform(data));
        (float[] theirs, double theirSeconds) = Scores(stock.Transform(data));
        double worst = 0;
        for (int i = 0; i < ours.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(ours[i] - theirs[i]) / Math.Max(1, Math.Abs(ours[i])));
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            suite = Name,
            impl = "hypernetworks",
            kind = kind.ToString(),
            encoder = keyed ? "Embedding" : "Dense",
            task = task.ToString(),
            max_rel_error = worst,
            ours_rows_per_s = rowCount / oursSeconds,
            stock_rows_per_s = rowCount / theirSeconds,
        }));
        (stock as IDisposable)?.Dispose();
    }

    private static (float[] Scores, double Seconds) Scores(IDataView scored)
    {
        DataViewSchema.Column column = scored.Schema["Score"];
        var values = new List<float>();
        long start = Stopwatch.GetTimestamp();
        using (DataViewRowCursor cursor = scored.GetRowCursor([column]))
        {
            if (column.Type is VectorDataViewType)
            {
                ValueGetter<VBuffer<float>> getter = cursor.GetGetter<VBuffer<float>>(column);
                VBuffer<float> value = default;
                while (cursor.MoveNext())
                {
                    getter(ref value);
                    values.AddRange(value.DenseValues());
                }
            }
            else
            {
                ValueGetter<float> getter = cursor.GetGetter<float>(column);
                float value = 0;
                while (cursor.MoveNext())
                {
                    getter(ref value);
                    values.Add(value);
                }
            }
        }

        return ([.. values], Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
