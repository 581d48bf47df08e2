using Hypernetworks.Model.Training;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// Passes another source's batches through and laps <see cref="StepWindows"/> at each one, so that a trainer's steps
/// are timed from batch to batch (one lap = one step: the batch's draw, its forward, backward and update). The time
/// between epochs (the trainer's progress report) is left out.
/// </summary>
internal sealed class TimedBatches(ITrainingBatchSource source, StepWindows windows) : ITrainingBatchSource
{
    private bool _stepRunning;

    public void BeginEpoch(int epoch) => source.BeginEpoch(epoch);

    public int NextBatch(int capacity, Span<float> conditioning, Span<float> data, Span<float> labels)
    {
        if (_stepRunning)
        {
            windows.Lap();
        }
        else
        {
            windows.Start();
        }

        int rows = source.NextBatch(capacity, conditioning, data, labels);
        _stepRunning = rows > 0;
        return rows;
    }
}
