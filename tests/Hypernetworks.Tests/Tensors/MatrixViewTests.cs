using Hypernetworks.Initialization;
using Hypernetworks.Tensors;

namespace Hypernetworks.Tests.Tensors;

public class MatrixViewTests
{
    [Fact]
    public void Multiply_OverSubMatrixViews_EqualsSpanOverload()
    {
        using var a = new AlignedBuffer(10 * 12);
        using var b = new AlignedBuffer(12 * 9);
        using var c = new AlignedBuffer(10 * 9);
        var random = new SeededRandom(1);
        foreach (AlignedBuffer buffer in new[] { a, b })
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer.Span[i] = random.NextFloat(-1f, 1f);
            }
        }

        // A: rows 2..7, columns 1..5 of a 10x12 matrix; B: rows 0..4 of a 12x9 matrix; C: 6x9 at row 1.
        var viewA = new MatrixView(a, 10, 12).SliceRows(2, 6).SliceColumns(1, 5);
        var viewB = new MatrixView(b, 12, 9).SliceRows(0, 5);
        var viewC = new MatrixView(c, 10, 9).SliceRows(1, 6);
        Gemm.Multiply(viewA, false, viewB, false, viewC);

        float[] expected = new float[6 * 9];
        Gemm.Multiply(false, false, 6, 9, 5, 1f, a.Span[((2 * 12) + 1)..], 12, b.Span, 9, 0f, expected, 9);
        Assert.Equal(expected, c.Span.Slice(9, 6 * 9).ToArray());
    }

    [Fact]
    public void Multiply_ThrowsForViewsThatDoNotChain_NamingOperandAndShapes()
    {
        using var a = new AlignedBuffer(6);
        using var b = new AlignedBuffer(8);
        using var c = new AlignedBuffer(8);
        var e = Assert.Throws<ArgumentException>(() =>
            Gemm.Multiply(new MatrixView(a, 2, 3), false, new MatrixView(b, 2, 4), false, new MatrixView(c, 2, 4)));
        Assert.Equal("b", e.ParamName);
        Assert.Contains("2x4", e.Message, StringComparison.Ordinal);
        Assert.Contains("2x3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ThrowsWhenViewExceedsBuffer()
    {
        using var buffer = new AlignedBuffer(10);
        Assert.Throws<ArgumentException>(() => new MatrixView(buffer, 2, 3, 3, 3));
    }

    [Fact]
    public void Row_ReturnsStridedRow()
    {
        using var buffer = new AlignedBuffer(12);
        buffer.Span[7] = 5f;
        var view = new MatrixView(buffer, 1, 2, 3, 6);
        Assert.Equal(5f, view.Row(1)[0]);
        Assert.Equal(3, view.Row(1).Length);
    }
}
