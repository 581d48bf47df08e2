using Hypernetworks.Layers;
using Hypernetworks.Tensors;

namespace Hypernetworks.Tests.Tensors;

public class GemmShapeErrorTests
{
    [Fact]
    public void Multiply_ThrowsForShortA_NamingOperandAndShapes()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Gemm.Multiply(false, false, 3, 4, 5, 1f, new float[14], 5, new float[20], 4, 0f, new float[12], 4));
        Assert.Equal("a", e.ParamName);
        Assert.Contains("3x5", e.Message, StringComparison.Ordinal);
        Assert.Contains("3x4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multiply_ThrowsForShortTransposedB_NamingOperandAndShapes()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Gemm.Multiply(false, true, 3, 4, 5, 1f, new float[15], 5, new float[19], 5, 0f, new float[12], 4));
        Assert.Equal("b", e.ParamName);
        Assert.Contains("4x5", e.Message, StringComparison.Ordinal);
        Assert.Contains("5x4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multiply_ThrowsForStrideShorterThanRow()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Gemm.Multiply(false, false, 2, 4, 3, 1f, new float[6], 3, new float[12], 4, 0f, new float[8], 3));
        Assert.Equal("c", e.ParamName);
    }

    [Fact]
    public void Multiply_ThrowsForBiasOfWrongLength()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Gemm.Multiply(false, false, 2, 4, 3, 1f, new float[6], 3, new float[12], 4, 0f, new float[8], 4, new float[3], Activation.Identity));
        Assert.Equal("bias", e.ParamName);
    }

    [Fact]
    public void Multiply_ThrowsForNegativeSize()
    {
        Assert.Throws<ArgumentException>(() =>
            Gemm.Multiply(false, false, -1, 4, 3, 1f, new float[6], 3, new float[12], 4, 0f, new float[8], 4));
    }

    [Fact]
    public void Multiply_ThrowsForUnknownActivation()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Gemm.Multiply(false, false, 2, 4, 3, 1f, new float[6], 3, new float[12], 4, 0f, new float[8], 4, [], (Activation)99));
    }
}
