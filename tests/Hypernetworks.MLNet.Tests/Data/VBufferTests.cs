using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet.Tests.Data;

public class VBufferTests
{
    [Fact]
    public void Sparse_GetItemOrDefault_ReturnsStoredValuesAndZeros()
    {
        var buffer = new VBuffer<float>(5, 2, [3f, 7f], [1, 4]);
        Assert.Equal([0f, 3f, 0f, 0f, 7f], buffer.DenseValues().ToArray());
        Assert.False(buffer.IsDense);
    }

    [Fact]
    public void CopyToSpan_WritesDefaultsForMissingSlots()
    {
        var buffer = new VBuffer<float>(4, 1, [2f], [2]);
        var target = new float[6];
        target.AsSpan().Fill(9);
        buffer.CopyTo(target, 1);
        Assert.Equal([9f, 0f, 0f, 2f, 0f, 9f], target);
    }

    [Fact]
    public void Constructor_ThrowsForUnsortedIndices()
    {
        Assert.Throws<ArgumentException>(() => new VBuffer<float>(5, 2, [1f, 2f], [3, 1]));
    }

    [Fact]
    public void Editor_ReusesArraysLargeEnough()
    {
        VBuffer<float> buffer = new(4, [1f, 2f, 3f, 4f]);
        VBufferEditor<float> editor = VBufferEditor.Create(ref buffer, 3);
        Assert.False(editor.CreatedNewValues);
        editor.Values.Fill(5);
        buffer = editor.Commit();
        Assert.Equal([5f, 5f, 5f], buffer.DenseValues().ToArray());
    }

    [Fact]
    public void CopyTo_KeepsSparsity()
    {
        var source = new VBuffer<int>(6, 2, [4, 5], [0, 5]);
        VBuffer<int> destination = default;
        source.CopyTo(ref destination);
        Assert.Equal([0, 5], destination.GetIndices().ToArray());
        Assert.Equal(source.DenseValues(), destination.DenseValues());
    }
}
