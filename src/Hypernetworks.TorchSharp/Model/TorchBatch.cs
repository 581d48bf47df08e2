using static TorchSharp.torch;

namespace Hypernetworks.TorchSharp.Model;

/// <summary>
/// A batch on the device, its rows ordered by group (bitwise-identical conditioning): one conditioning row per group,
/// the data and labels in group order, and the batch row of each ordered row.
/// </summary>
/// <param name="Conditions">[groups, ConditioningSize].</param>
/// <param name="Data">[rows, InputSize], in group order.</param>
/// <param name="Labels">[rows, LabelSize] in group order, or null without labels.</param>
/// <param name="Plan">The groups' sizes and how to apply them.</param>
/// <param name="Order">Order[i] is the batch row at ordered position i.</param>
internal sealed record TorchBatch(Tensor Conditions, Tensor Data, Tensor? Labels, GroupPlan Plan, int[] Order);
