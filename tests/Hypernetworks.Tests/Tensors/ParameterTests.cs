using Hypernetworks.Tensors;

namespace Hypernetworks.Tests.Tensors;

public class ParameterTests
{
    [Fact]
    public void ZeroGradient_MakesTheGradientReadAsZeros()
    {
        using var parameter = new Parameter("w", 3, 7);
        parameter.Gradient.Span.Fill(2.5f);
        parameter.ZeroGradient();
        Assert.True(parameter.Gradient.Span.IndexOfAnyExcept(0f) < 0);
    }

    [Fact]
    public void GradientForFullWrite_AsksForAnOverwriteOnlyOnceAfterZeroGradient()
    {
        using var parameter = new Parameter("w", 5);
        parameter.Gradient.Span.Fill(1f);
        parameter.GradientForFullWrite(out bool beforeZero);
        parameter.ZeroGradient();
        AlignedBuffer buffer = parameter.GradientForFullWrite(out bool first);
        buffer.Span.Fill(4f);
        parameter.GradientForFullWrite(out bool second);

        Assert.False(beforeZero);
        Assert.True(first);
        Assert.False(second);
        Assert.Equal([4f, 4f, 4f, 4f, 4f], parameter.Gradient.Span.ToArray());
    }

    [Fact]
    public void GradientForFullWrite_AfterTheDeferredClearHappened_AsksToAdd()
    {
        using var parameter = new Parameter("w", 5);
        parameter.Gradient.Span.Fill(1f);
        parameter.ZeroGradient();
        Assert.Equal(0f, parameter.Gradient.Span[0]);
        parameter.GradientForFullWrite(out bool overwrite);
        Assert.False(overwrite);
    }
}
