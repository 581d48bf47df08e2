using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Trainers;

/// <summary>What a fitted hypernetwork reads and writes: its columns, their widths and its task.</summary>
/// <param name="ConditioningColumnName">The conditioning column.</param>
/// <param name="FeatureColumnName">The feature column.</param>
/// <param name="LabelColumnName">The label column it was trained on.</param>
/// <param name="Task">The task.</param>
/// <param name="ConditioningSize">Conditioning values per row (1 for a key).</param>
/// <param name="ConditioningKeyCount">The number of conditioning keys, or 0 for a Single conditioning vector.</param>
/// <param name="FeatureSize">Feature values per row.</param>
/// <param name="ClassCount">The number of classes (multiclass), else 0.</param>
internal sealed record HypernetworkColumnLayout(
    string ConditioningColumnName,
    string FeatureColumnName,
    string LabelColumnName,
    HypernetworkTask Task,
    int ConditioningSize,
    ulong ConditioningKeyCount,
    int FeatureSize,
    int ClassCount)
{
    /// <summary>The target network's output width.</summary>
    public int OutputSize => Task == HypernetworkTask.MulticlassClassification ? ClassCount : 1;
}
