namespace Hypernetworks.Tests.Layers;

/// <summary>
/// The <see cref="LinearTestBase"/> tests on a wide layer (3 rows, 20 → 1100): without an activation it takes the
/// generator-head kernels (at most 8 rows, at least 1024 outputs, an input width that is not a multiple of 16).
/// </summary>
public sealed class LinearWideTests : LinearTestBase
{
    public LinearWideTests()
        : base(batch: 3, inputs: 20, outputs: 1100)
    {
    }
}
