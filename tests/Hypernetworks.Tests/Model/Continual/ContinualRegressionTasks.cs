using Hypernetworks.Initialization;
using Hypernetworks.Model.Training;

namespace Hypernetworks.Tests.Model.Continual;

/// <summary>Three one-dimensional regression tasks (a sine, a line, a cosine of twice the frequency) on x ∈ [−2, 2].</summary>
internal static class ContinualRegressionTasks
{
    public const int Count = 3;

    public static float Target(int task, float x) => task switch
    {
        0 => MathF.Sin(1.5f * x),
        1 => (0.8f * x) - 0.5f,
        _ => MathF.Cos(2f * x),
    };

    /// <summary><paramref name="points"/> rows of task <paramref name="task"/> (conditioning = the task key).</summary>
    public static TrainingSet Sample(int task, int points, ulong seed)
    {
        var random = new SeededRandom(seed);
        var conditioning = new float[points];
        var data = new float[points];
        var labels = new float[points];
        for (int i = 0; i < points; i++)
        {
            conditioning[i] = task;
            data[i] = random.NextFloat(-2f, 2f);
            labels[i] = Target(task, data[i]);
        }

        return new TrainingSet(conditioning, data, labels, points);
    }
}
