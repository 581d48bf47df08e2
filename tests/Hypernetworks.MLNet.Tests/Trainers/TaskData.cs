namespace Hypernetworks.MLNet.Tests.Trainers;

/// <summary>
/// A family of linear tasks: task t has a conditioning vector z_t, and its rows are y = w(z_t)·x with weights that
/// depend linearly on z. Binary labels are y &gt; 0; multiclass labels pick the largest (or, for tasks with z₀ &lt; 0,
/// the smallest) of the first three features.
/// </summary>
internal static class TaskData
{
    public const int Tasks = 6;
    public const int ConditioningSize = 2;
    public const int FeatureSize = 4;
    public const int Classes = 3;

    private static readonly float[] C = [1f, -0.5f, 0.25f, 0.8f];
    private static readonly float[] D = [0.3f, 1f, -0.7f, 0.2f];

    public static float[] Condition(int task)
    {
        float angle = 2 * MathF.PI * task / Tasks;
        return [MathF.Cos(angle), MathF.Sin(angle)];
    }

    public static float Target(int task, float[] x)
    {
        float[] z = Condition(task);
        float y = 0;
        for (int j = 0; j < FeatureSize; j++)
        {
            y += ((z[0] * C[j]) + (z[1] * D[j])) * x[j];
        }

        return y;
    }

    public static uint Class(int task, float[] x)
    {
        float sign = Condition(task)[0] >= 0 ? 1f : -1f;
        int best = 0;
        for (int k = 1; k < Classes; k++)
        {
            if (sign * x[k] > sign * x[best])
            {
                best = k;
            }
        }

        return (uint)best;
    }

    public static IEnumerable<(int Task, float[] Z, float[] X)> Rows(int count, int seed)
    {
        var random = new Random(seed);
        for (int r = 0; r < count; r++)
        {
            int task = r % Tasks;
            float[] x = [.. Enumerable.Range(0, FeatureSize).Select(_ => (float)((random.NextDouble() * 2) - 1) * 1.5f)];
            yield return (task, Condition(task), x);
        }
    }

    public static List<RegressionTaskRow> Regression(int count, int seed) =>
        [.. Rows(count, seed).Select(r => new RegressionTaskRow { Conditioning = r.Z, Features = r.X, Label = Target(r.Task, r.X) })];

    public static List<BinaryTaskRow> Binary(int count, int seed) =>
        [.. Rows(count, seed).Select(r => new BinaryTaskRow { Conditioning = r.Z, Features = r.X, Label = Target(r.Task, r.X) > 0 })];

    public static List<MulticlassTaskRow> Multiclass(int count, int seed) =>
        [.. Rows(count, seed).Select(r => new MulticlassTaskRow { Conditioning = r.Z, Features = r.X, Label = Class(r.Task, r.X) })];

    public static List<KeyTaskRow> Keyed(int count, int seed) =>
        [.. Rows(count, seed).Select(r => new KeyTaskRow { Conditioning = (uint)r.Task, Features = r.X, Label = Target(r.Task, r.X) })];

    public static HypernetworkTrainer.Options Options(int epochs = 40) => new()
    {
        ConditioningColumnName = "Conditioning",
        FeatureColumnName = "Features",
        LabelColumnName = "Label",
        HiddenSizes = [32, 32],
        TargetHiddenSizes = [16],
        Epochs = epochs,
        BatchSize = 32,
        LearningRate = 3e-3f,
        Seed = 7,
    };
}
