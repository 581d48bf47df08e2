using Hypernetworks.Initialization;
using Hypernetworks.Model.Training;

namespace Hypernetworks.Tests.Model;

/// <summary>
/// The sinusoid family y = A·sin(x − φ), A ∈ [0.1, 5], φ ∈ [0, π], x ∈ [−5, 5], conditioning (A, φ). Each batch
/// holds a few tasks with several points each, so that rows share their conditioning.
/// </summary>
internal sealed class SinusoidTasks : ITrainingBatchSource
{
    private readonly SeededRandom _random;
    private readonly int _tasksPerBatch;
    private readonly int _pointsPerTask;
    private readonly int _batchesPerEpoch;
    private int _batch;

    public SinusoidTasks(ulong seed, int tasksPerBatch, int pointsPerTask, int batchesPerEpoch)
    {
        _random = new SeededRandom(seed);
        _tasksPerBatch = tasksPerBatch;
        _pointsPerTask = pointsPerTask;
        _batchesPerEpoch = batchesPerEpoch;
    }

    public int BatchRows => _tasksPerBatch * _pointsPerTask;

    public void BeginEpoch(int epoch) => _batch = 0;

    public int NextBatch(int capacity, Span<float> conditioning, Span<float> data, Span<float> labels)
    {
        if (_batch++ == _batchesPerEpoch)
        {
            return 0;
        }

        int rows = Math.Min(capacity, BatchRows);
        for (int row = 0; row < rows; row++)
        {
            if (row % _pointsPerTask == 0)
            {
                conditioning[2 * row] = _random.NextFloat(0.1f, 5f);
                conditioning[(2 * row) + 1] = _random.NextFloat(0f, MathF.PI);
            }
            else
            {
                conditioning[2 * row] = conditioning[2 * (row - 1)];
                conditioning[(2 * row) + 1] = conditioning[(2 * row) - 1];
            }

            data[row] = _random.NextFloat(-5f, 5f);
            labels[row] = conditioning[2 * row] * MathF.Sin(data[row] - conditioning[(2 * row) + 1]);
        }

        return rows;
    }

    /// <summary>A fixed set of <paramref name="tasks"/> tasks with <paramref name="points"/> points each.</summary>
    public static TrainingSet Sample(ulong seed, int tasks, int points)
    {
        var source = new SinusoidTasks(seed, tasks, points, 1);
        var conditioning = new float[tasks * points * 2];
        var data = new float[tasks * points];
        var labels = new float[tasks * points];
        source.BeginEpoch(0);
        source.NextBatch(tasks * points, conditioning, data, labels);
        return new TrainingSet(conditioning, data, labels, tasks * points);
    }
}
