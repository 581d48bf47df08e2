using Hypernetworks.Layers;

namespace Hypernetworks.Model.Training;

/// <summary>The loss of each task over a block of rows, through the Layers' fused loss functions.</summary>
internal static class TaskLoss
{
    /// <summary>Label values per row: one class index for multiclass, one per output otherwise.</summary>
    public static int LabelWidth(HypernetworkTask task, int outputs) => task == HypernetworkTask.MulticlassClassification ? 1 : outputs;

    /// <summary>
    /// The mean loss over <paramref name="rows"/> rows, and d(loss)/d(outputs) into <paramref name="gradient"/> unless it is
    /// empty. <paramref name="classes"/> is scratch for multiclass labels (at least <paramref name="rows"/> long).
    /// </summary>
    public static float Compute(HypernetworkTask task, ReadOnlySpan<float> outputs, ReadOnlySpan<float> labels, int rows, int width, Span<float> gradient, Span<int> classes)
    {
        switch (task)
        {
            case HypernetworkTask.MulticlassClassification:
                for (int row = 0; row < rows; row++)
                {
                    classes[row] = (int)labels[row];
                }

                return SoftmaxCrossEntropy.Compute(outputs[..(rows * width)], classes[..rows], width, gradient);
            case HypernetworkTask.BinaryClassification:
                return BinaryCrossEntropyWithLogits.Compute(outputs[..(rows * width)], labels[..(rows * width)], gradient);
            default:
                return MeanSquaredError.Compute(outputs[..(rows * width)], labels[..(rows * width)], gradient);
        }
    }
}
