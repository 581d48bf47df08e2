using Hypernetworks.Initialization;
using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.MLNet.Tests.AutoML;

public class HypernetworkSearchOptionsTests
{
    [Fact]
    public void Default_IsTheCheapEnd()
    {
        var space = new SearchSpace<HypernetworkSearchOptions>();

        HypernetworkSearchOptions start = space.SampleOptions([.. space.Default]);

        Assert.Equal([32], start.HiddenSizes);
        Assert.Empty(start.TargetHiddenSizes);
        Assert.Equal(10, start.Epochs);
    }

    [Fact]
    public void Sampling_StaysInTheIssuesRanges()
    {
        var space = new SearchSpace<HypernetworkSearchOptions>();
        var random = new SeededRandom(11);

        for (int i = 0; i < 500; i++)
        {
            double[] point = [.. Enumerable.Range(0, space.FeatureSpaceDim).Select(_ => random.NextDouble())];
            HypernetworkSearchOptions options = space.SampleOptions(point);

            Assert.InRange(options.HiddenSizes.Length, 1, 4);
            Assert.All(options.HiddenSizes, w => Assert.InRange(w, 16, 1024));
            Assert.InRange(options.TargetHiddenSizes.Length, 0, 3);
            Assert.All(options.TargetHiddenSizes, w => Assert.InRange(w, 8, 512));
            Assert.InRange(options.LearningRate, 1e-4f, 3e-2f);
            Assert.InRange(options.BatchSize, 16, 512);
            Assert.InRange(options.Epochs, 5, 200);
        }
    }

    [Fact]
    public void Sampling_ReachesEveryGeneratorKindAndDepth()
    {
        var space = new SearchSpace<HypernetworkSearchOptions>();
        var random = new SeededRandom(12);

        HypernetworkSearchOptions[] samples = [.. Enumerable.Range(0, 400).Select(_ =>
            space.SampleOptions([.. Enumerable.Range(0, space.FeatureSpaceDim).Select(_ => random.NextDouble())]))];

        Assert.Equal(Enum.GetValues<Hypernetworks.Model.GeneratorKind>().Order(), samples.Select(s => s.Generator).Distinct().Order());
        Assert.Equal([1, 2, 3, 4], samples.Select(s => s.HiddenSizes.Length).Distinct().Order());
        Assert.Equal([0, 1, 2, 3], samples.Select(s => s.TargetHiddenSizes.Length).Distinct().Order());
    }
}
