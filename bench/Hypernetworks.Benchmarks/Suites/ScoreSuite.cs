using System.Diagnostics;
using System.Text.Json;
using Hypernetworks.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// Throughput of a lazy <see cref="ITransformer.Transform"/> read back through a cursor: 1,000,000 rows sharing 100
/// distinct conditionings, on the predict suite's small model (the goal is at least 1,000,000 rows/s). The rows come
/// from an enumerable view, so the time includes reading them.
/// </summary>
internal sealed class ScoreSuite : IBenchmarkSuite
{
    public string Name => "score";

    public string Description => "Transform + read back of N rows sharing 100 conditionings, small model: --rows N --repeats N";

    public void Run(BenchmarkOptions options)
    {
        int rowCount = options.GetInt("rows", 1_000_000);
        int repeats = options.GetInt("repeats", 3);
        var context = new MLContext(1);
        List<SmallModelRow> pool = SmallModel.Rows(10_000, distinctConditionings: 100, seed: 5);
        using HypernetworkTransformer model = SmallModel.Fit(context, pool);
        IDataView input = context.Data.LoadFromEnumerable(Cycle(pool, rowCount));
        IDataView scored = model.Transform(input);
        ReadScores(scored);

        double best = double.MaxValue;
        double checksum = 0;
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            checksum = ReadScores(scored);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        Console.Error.WriteLine($"score: {rowCount} rows in {best:F3} s (best of {repeats}), checksum {checksum:F3}");
        Console.WriteLine(JsonSerializer.Serialize(new { suite = Name, impl = "hypernetworks", rows_per_s = rowCount / best }));
    }

    private static IEnumerable<SmallModelRow> Cycle(List<SmallModelRow> pool, int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return pool[i % pool.Count];
        }
    }

    private static double ReadScores(IDataView scored)
    {
        DataViewSchema.Column score = scored.Schema["Score"];
        using DataViewRowCursor cursor = scored.GetRowCursor([score]);
        ValueGetter<float> getter = cursor.GetGetter<float>(score);
        double sum = 0;
        float value = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            sum += value;
        }

        return sum;
    }
}
