using Hypernetworks.Layers;
using Hypernetworks.MLNet.Scoring;
using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Tests.Scoring;

public sealed class RowTargetNetworkTests
{
    [Theory]
    [InlineData(new[] { 16, 64, 1 })]
    [InlineData(new[] { 3, 2, 5, 4 })]
    [InlineData(new[] { 8, 8 })]
    public void Forward_MatchesTheTargetNetworkWithinRounding(int[] widths)
    {
        var random = new Random(5);
        var layers = widths.Zip(widths.Skip(1)).Select(p => (In: p.First, Out: p.Second)).ToList();
        List<float[]> weights = [.. layers.Select(l => Values(random, l.In * l.Out))];
        List<float[]> biases = [.. layers.Select(l => Values(random, l.Out))];
        var network = new TargetNetwork(layers, weights, biases, Activation.Tanh);
        var row = new RowTargetNetwork(network);
        float[] x = Values(random, widths[0]);
        var expected = new float[widths[^1]];
        var actual = new float[widths[^1]];

        network.Forward(x, expected);
        row.Forward(x, actual);

        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 1e-5f));
    }

    private static float[] Values(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1))];
}
