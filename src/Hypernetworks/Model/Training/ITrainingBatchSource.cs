namespace Hypernetworks.Model.Training;

/// <summary>
/// A stream of training batches, for data that is not held in one <see cref="TrainingSet"/> (generated episodes,
/// a cursor over a table). The trainer owns the batch memory and asks the source to fill it.
/// </summary>
public interface ITrainingBatchSource
{
    /// <summary>Starts epoch <paramref name="epoch"/> (from 0).</summary>
    void BeginEpoch(int epoch);

    /// <summary>
    /// Writes up to <paramref name="capacity"/> rows into the spans (conditioning, data and labels, row-major) and
    /// returns how many; 0 ends the epoch.
    /// </summary>
    int NextBatch(int capacity, Span<float> conditioning, Span<float> data, Span<float> labels);
}
