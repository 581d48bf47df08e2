namespace Hypernetworks.MLNet.Tests.Trainers;

/// <summary>Three regression tasks on two features (a sine, a plane, a product), keyed 1, 2, 3.</summary>
internal static class ContinualTasks
{
    public const int Count = 3;
    public const int FeatureSize = 2;

    public static float Target(uint task, float[] x) => task switch
    {
        1 => MathF.Sin(1.5f * x[0]) + (0.5f * x[1]),
        2 => (0.8f * x[0]) - x[1],
        _ => MathF.Cos(2f * x[0]) * x[1],
    };

    /// <summary><paramref name="count"/> rows of task <paramref name="task"/> (1-based), features in [−2, 2] scaled by <paramref name="scale"/>.</summary>
    public static List<ContinualRow> Rows(uint task, int count, int seed, float scale = 1f)
    {
        var random = new Random(seed);
        var rows = new List<ContinualRow>(count);
        for (int i = 0; i < count; i++)
        {
            float[] x = [(float)((random.NextDouble() * 4) - 2), (float)((random.NextDouble() * 4) - 2)];
            // LoadFromEnumerable reads a [KeyType] uint v as key v + 1: task 1 is stored as 0.
            rows.Add(new ContinualRow { Task = task - 1, Features = [scale * x[0], scale * x[1]], Label = Target(task, x) });
        }

        return rows;
    }

    public static HypernetworkTrainer.Options Options(float regularization) => new()
    {
        ConditioningColumnName = "Task",
        HiddenSizes = [32],
        TargetHiddenSizes = [24],
        Activation = Hypernetworks.Layers.Activation.Tanh,
        EmbeddingSize = 8,
        Epochs = 40,
        BatchSize = 32,
        LearningRate = 3e-3f,
        ContinualRegularization = regularization,
        Seed = 5,
    };
}
