using static TorchSharp.torch;

namespace Hypernetworks.TorchSharp.Model;

/// <summary>
/// How a batch whose rows are ordered by group meets its generated parameters: groups of equal size run as one
/// batched product; a few groups of different sizes run one after another; many such groups gather θ per row.
/// </summary>
/// <param name="Sizes">Rows per group, in order.</param>
/// <param name="RowGroups">The group of each row, on the device, for <see cref="GatherPerRow"/>; else null.</param>
internal sealed record GroupPlan(int[] Sizes, Tensor? RowGroups)
{
    /// <summary>Up to this many groups of different sizes are applied one by one rather than gathered per row.</summary>
    public const int SequentialLimit = 16;

    public int Groups => Sizes.Length;

    public int Rows => Sizes.Sum();

    public bool EqualSizes => Sizes.All(s => s == Sizes[0]);

    public bool GatherPerRow => RowGroups is not null;
}
