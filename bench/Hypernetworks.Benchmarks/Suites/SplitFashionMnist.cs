using Hypernetworks.Model.Training;

namespace Hypernetworks.Benchmarks.Suites;

/// <summary>
/// Split Fashion-MNIST: task t holds the images of classes 2t and 2t + 1 (labels 0 and 1 within the task),
/// conditioning = the task key t.
/// </summary>
internal static class SplitFashionMnist
{
    public const int Tasks = 5;

    /// <summary>Task <paramref name="task"/>'s rows of a split loaded by <see cref="FashionMnist.Load"/>.</summary>
    public static TrainingSet Task((float[] Images, byte[] Labels) split, int task)
    {
        (float[] images, byte[] labels) = split;
        int[] rows = [.. Enumerable.Range(0, labels.Length).Where(i => labels[i] / 2 == task)];
        var conditioning = new float[rows.Length];
        var data = new float[rows.Length * FashionMnist.Pixels];
        var targets = new float[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            conditioning[i] = task;
            images.AsSpan(rows[i] * FashionMnist.Pixels, FashionMnist.Pixels).CopyTo(data.AsSpan(i * FashionMnist.Pixels));
            targets[i] = labels[rows[i]] % 2;
        }

        return new TrainingSet(conditioning, data, targets, rows.Length);
    }
}
