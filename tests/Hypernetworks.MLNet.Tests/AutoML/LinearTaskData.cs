using Hypernetworks.Initialization;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests.AutoML;

/// <summary>A row of a family of linear tasks y = a·x₁ + b·x₂, conditioned on the task's (a, b).</summary>
internal sealed class LinearTaskRow
{
    [VectorType(2)]
    public float[] Task { get; set; } = [];

    [VectorType(2)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

/// <summary>Tiny multi-task regression data: fast to train on, and far from trivial for a model that ignores the task.</summary>
internal static class LinearTaskData
{
    public static LinearTaskRow[] Rows(int tasks, int pointsPerTask, ulong seed)
    {
        var taskRandom = new SeededRandom(7);
        var pointRandom = new SeededRandom(seed);
        var rows = new List<LinearTaskRow>();
        for (int t = 0; t < tasks; t++)
        {
            float a = taskRandom.NextGaussian();
            float b = taskRandom.NextGaussian();
            for (int p = 0; p < pointsPerTask; p++)
            {
                float x1 = pointRandom.NextGaussian();
                float x2 = pointRandom.NextGaussian();
                rows.Add(new LinearTaskRow { Task = [a, b], Features = [x1, x2], Label = (a * x1) + (b * x2) });
            }
        }

        return [.. rows];
    }
}
