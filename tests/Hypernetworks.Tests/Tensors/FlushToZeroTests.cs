using Hypernetworks.Tensors;
using Hypernetworks.Tests.Testing;

namespace Hypernetworks.Tests.Tensors;

public class FlushToZeroTests
{
    // 16 + 8 + 5: the Vector512, Vector256 and scalar paths.
    private const int Length = 29;

    [Fact]
    public void Apply_FlushesDenormalsToPositiveZero()
    {
        var values = new float[Length];
        Subnormals.Fill(values);
        FlushToZero.Apply(values);
        Assert.All(values, v => Assert.Equal(0, BitConverter.SingleToInt32Bits(v)));
    }

    [Fact]
    public void Apply_FlushesNormalValuesBelowTheThreshold()
    {
        float below = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(FlushToZero.Threshold) - 1);
        float[] values = [.. Enumerable.Range(0, Length).Select(i => i % 3 == 0 ? -below : i % 3 == 1 ? below : 1e-35f)];
        FlushToZero.Apply(values);
        Assert.All(values, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Apply_KeepsTheThresholdAndEverythingAboveBitwise()
    {
        float[] kept = [FlushToZero.Threshold, -FlushToZero.Threshold, 1e-29f, -3e-7f, 1f, -2.5e30f, float.MaxValue, float.PositiveInfinity, float.NegativeInfinity, float.NaN];
        float[] values = [.. Enumerable.Range(0, Length).Select(i => kept[i % kept.Length])];
        float[] expected = [.. values];
        FlushToZero.Apply(values);
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), values.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Threshold_LeavesAProductWithASmallFactorNormal()
    {
        // The headroom the threshold promises: a factor as small as 1e-7 keeps a kept value normal.
        Assert.True(float.IsNormal(FlushToZero.Threshold * 1e-7f));
        Assert.Equal(1e-30f, FlushToZero.Threshold);
    }

    [Fact]
    public void Copy_CopiesNormalValuesBitwiseAndFlushesTheRest()
    {
        float[] source = [.. Enumerable.Range(0, Length).Select(i => i % 2 == 0 ? Subnormals.Samples[i % Subnormals.Samples.Length] : (i * 0.37f) - 3f)];
        var destination = new float[Length + 3];
        FlushToZero.Copy(source, destination);
        for (int i = 0; i < Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? 0f : source[i], destination[i]);
        }
    }

    [Fact]
    public void Scale_MultipliesAndFlushesProductsBelowTheThreshold()
    {
        float[] values = [.. Enumerable.Range(0, Length).Select(i => i % 3 == 0 ? 1e-25f : i % 3 == 1 ? 1e-40f : 2f)];
        FlushToZero.Scale(values, values, 1e-6f);
        for (int i = 0; i < Length; i++)
        {
            Assert.Equal(i % 3 == 2 ? 2e-6f : 0f, values[i]);
        }
    }

    [Fact]
    public void Scale_ThrowsForAShortDestination()
    {
        Assert.Throws<ArgumentException>("destination", () => FlushToZero.Scale(new float[4], new float[3], 2f));
    }
}
