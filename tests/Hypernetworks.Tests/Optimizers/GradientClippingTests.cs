using Hypernetworks.Optimizers;
using Hypernetworks.Tensors;

namespace Hypernetworks.Tests.Optimizers;

public sealed class GradientClippingTests : IDisposable
{
    private readonly Parameter _first = new("a", 2);
    private readonly Parameter _second = new("b", 1);

    public GradientClippingTests()
    {
        // Norm of all gradients together: √(3² + 4² + 12²) = 13.
        _first.Gradient.Span[0] = 3f;
        _first.Gradient.Span[1] = 4f;
        _second.Gradient.Span[0] = 12f;
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public void ClipByGlobalNorm_ReturnsTheNormBeforeClipping()
    {
        Assert.Equal(13f, GradientClipping.ClipByGlobalNorm([_first, _second], 6.5f), 1e-5f);
    }

    [Fact]
    public void ClipByGlobalNorm_ScalesAllGradientsToTheMaximumNorm()
    {
        GradientClipping.ClipByGlobalNorm([_first, _second], 6.5f);
        Assert.Equal(1.5f, _first.Gradient.Span[0], 1e-5f);
        Assert.Equal(2f, _first.Gradient.Span[1], 1e-5f);
        Assert.Equal(6f, _second.Gradient.Span[0], 1e-5f);
    }

    [Fact]
    public void ClipByGlobalNorm_LeavesGradientsBelowTheMaximumUnchanged()
    {
        GradientClipping.ClipByGlobalNorm([_first, _second], 20f);
        Assert.Equal([3f, 4f], _first.Gradient.Span.ToArray());
        Assert.Equal(12f, _second.Gradient.Span[0]);
    }

    [Fact]
    public void ClipByGlobalNorm_ReturnsNonFiniteNormAndLeavesGradientsUnchanged()
    {
        _second.Gradient.Span[0] = float.NaN;
        Assert.True(float.IsNaN(GradientClipping.ClipByGlobalNorm([_first, _second], 1f)));
        Assert.Equal([3f, 4f], _first.Gradient.Span.ToArray());
    }

    [Fact]
    public void ClipByGlobalNorm_ThrowsForNonPositiveMaximum()
    {
        Assert.Throws<ArgumentOutOfRangeException>("maxNorm", () => GradientClipping.ClipByGlobalNorm([_first], 0f));
    }
}
