using Hypernetworks.Initialization;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Tests.AutoML;

/// <summary>A row of a sinusoid task family y = a·sin(x + φ), conditioned on (a, cos φ, sin φ).</summary>
internal sealed class SinusoidTaskRow
{
    [VectorType(3)]
    public float[] Task { get; set; } = [];

    [VectorType(1)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }
}

/// <summary>
/// Multi-task regression that a cheap model gets wrong: the target network needs a hidden layer, which the default
/// search space's cheap corner (no target hidden layer) lacks; the default options have one.
/// </summary>
internal static class SinusoidTaskData
{
    public static SinusoidTaskRow[] Rows(int tasks, int pointsPerTask, ulong seed)
    {
        var taskRandom = new SeededRandom(11);
        var pointRandom = new SeededRandom(seed);
        var rows = new List<SinusoidTaskRow>();
        for (int t = 0; t < tasks; t++)
        {
            float amplitude = 0.5f + (2 * taskRandom.NextFloat());
            float phase = MathF.PI * taskRandom.NextFloat();
            for (int p = 0; p < pointsPerTask; p++)
            {
                float x = -3 + (6 * pointRandom.NextFloat());
                rows.Add(new SinusoidTaskRow
                {
                    Task = [amplitude, MathF.Cos(phase), MathF.Sin(phase)],
                    Features = [x],
                    Label = amplitude * MathF.Sin(x + phase),
                });
            }
        }

        return [.. rows];
    }
}
