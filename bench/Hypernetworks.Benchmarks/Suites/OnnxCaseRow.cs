using Microsoft.ML.Data;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>A row of the onnx suite: a task name (for the key encoder) and its descriptor, 8 features, and a label of each task.</summary>
internal sealed class OnnxCaseRow
{
    public string Task { get; set; } = "";

    [VectorType(3)]
    public float[] Conditioning { get; set; } = [];

    [VectorType(8)]
    public float[] Features { get; set; } = [];

    public float Value { get; set; }

    public bool Positive { get; set; }

    public string Class { get; set; } = "";

    /// <summary>Rows of 12 tasks: the label is a task-dependent linear function of the features (its sign, its bucket).</summary>
    public static List<OnnxCaseRow> Make(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<OnnxCaseRow>(count);
        for (int i = 0; i < count; i++)
        {
            int t = i % 12;
            float[] z = [MathF.Cos(t), MathF.Sin(t), t / 12f];
            float[] x = [.. Enumerable.Range(0, 8).Select(_ => (float)((random.NextDouble() * 2) - 1))];
            float y = x.Select((v, j) => v * (z[j % 3] + (0.1f * j))).Sum();
            rows.Add(new OnnxCaseRow { Task = $"task{t}", Conditioning = z, Features = x, Value = y, Positive = y > 0, Class = y < -0.5f ? "low" : y > 0.5f ? "high" : "mid" });
        }

        return rows;
    }
}
