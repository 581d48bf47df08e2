using Hypernetworks.MLNet;
using Hypernetworks.Model;

namespace Hypernetworks.Samples;

/// <summary>Generates rows of the sinusoid task family y = A·sin(x + φ), x uniform in [-5, 5], φ uniform in [0, π].</summary>
public static class SinusoidFamily
{
    /// <summary>
    /// Makes <paramref name="tasks"/> × <paramref name="pointsPerTask"/> rows. The tasks (A, φ) depend only on
    /// <paramref name="taskSeed"/> and the points only on <paramref name="pointSeed"/>, so sets made with the same task
    /// seed and different point seeds are training, validation and test rows of the same tasks.
    /// </summary>
    /// <param name="tasks">How many tasks.</param>
    /// <param name="pointsPerTask">How many rows per task.</param>
    /// <param name="taskSeed">The seed of the tasks.</param>
    /// <param name="pointSeed">The seed of the points.</param>
    /// <param name="minAmplitude">The smallest amplitude.</param>
    /// <param name="maxAmplitude">The largest amplitude.</param>
    /// <returns>The rows, task by task.</returns>
    public static List<SinusoidRow> Rows(int tasks, int pointsPerTask, int taskSeed, int pointSeed, float minAmplitude = 0.1f, float maxAmplitude = 5f)
    {
        var taskRandom = new Random(taskSeed);
        var pointRandom = new Random(pointSeed);
        var rows = new List<SinusoidRow>(tasks * pointsPerTask);
        for (int t = 0; t < tasks; t++)
        {
            float amplitude = minAmplitude + ((maxAmplitude - minAmplitude) * taskRandom.NextSingle());
            float phase = MathF.PI * taskRandom.NextSingle();
            for (int p = 0; p < pointsPerTask; p++)
            {
                float x = -5f + (10f * pointRandom.NextSingle());
                rows.Add(new SinusoidRow { Task = Descriptor(amplitude, phase), Features = x, Label = amplitude * MathF.Sin(x + phase) });
            }
        }

        return rows;
    }

    /// <summary>The conditioning of one task: (A, cos φ, sin φ).</summary>
    /// <param name="amplitude">A.</param>
    /// <param name="phase">φ.</param>
    /// <returns>The descriptor.</returns>
    public static float[] Descriptor(float amplitude, float phase) => [amplitude, MathF.Cos(phase), MathF.Sin(phase)];

    /// <summary>
    /// The hypernetwork the regression and torchsharp samples train on this family: the columns Task, Features and
    /// Label, a SharedTrunk generator (64, 64) for a 1-40-40-1 target, batches of 64, Adam at 1e-3.
    /// </summary>
    /// <param name="epochs">The epochs to train.</param>
    /// <returns>Options to add the sample's own settings to.</returns>
    public static HypernetworkTrainer.Options TrainerOptions(int epochs) => new()
    {
        ConditioningColumnName = "Task",
        FeatureColumnName = "Features",
        LabelColumnName = "Label",
        HiddenSizes = [64, 64],
        TargetHiddenSizes = [40, 40],
        Generator = GeneratorKind.SharedTrunk,
        Epochs = epochs,
        BatchSize = 64,
        LearningRate = 1e-3f,
    };
}
