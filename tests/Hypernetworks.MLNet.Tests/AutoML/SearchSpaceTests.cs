using Hypernetworks.Initialization;
using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.MLNet.Tests.AutoML;

public class SearchSpaceTests
{
    private static readonly GeneratorKindForTest[] AllKinds = Enum.GetValues<GeneratorKindForTest>();

    [Fact]
    public void SearchSpaceOfT_ReadsEveryAttributedProperty()
    {
        var space = new SearchSpace<SweepOptions>();

        Assert.Equal(
            ["BatchSize", "ChunkSize", "Epochs", "GeneratorHiddenSizes", "GeneratorKind", "LearningRate", "Rank", "Shuffle", "TargetHiddenSizes", "WeightDecay"],
            space.Keys);
        Assert.Equal(1 + 1 + 1 + (1 + 4) + 1 + 1 + 1 + 1 + (1 + 3) + 1, space.FeatureSpaceDim);
    }

    [Fact]
    public void Sampling_StaysInRangeForAnyFeaturePoint()
    {
        var space = new SearchSpace<SweepOptions>();
        var random = new SeededRandom(11);
        var feature = new double[space.FeatureSpaceDim];
        for (int sample = 0; sample < 2000; sample++)
        {
            for (int i = 0; i < feature.Length; i++)
            {
                // Include points outside [0, 1] and NaN: options clamp them.
                feature[i] = sample % 10 == 0 ? (random.NextDouble() * 3) - 1 : sample % 97 == 0 ? double.NaN : random.NextDouble();
            }

            SweepOptions options = space.SampleOptions(feature);

            Assert.InRange(options.GeneratorHiddenSizes.Length, 1, 4);
            Assert.All(options.GeneratorHiddenSizes, w => Assert.InRange(w, 16, 1024));
            Assert.InRange(options.TargetHiddenSizes.Length, 0, 3);
            Assert.All(options.TargetHiddenSizes, w => Assert.InRange(w, 8, 512));
            Assert.Contains(options.GeneratorKind, AllKinds);
            Assert.InRange(options.ChunkSize, 16, 4096);
            Assert.InRange(options.Rank, 1, 64);
            Assert.InRange(options.LearningRate, 1e-5, 1e-1);
            Assert.InRange(options.WeightDecay, 1e-6f, 1e-2f);
            Assert.Contains(options.BatchSize, new[] { 16, 32, 64, 128, 256 });
            Assert.InRange(options.Epochs, 1, 50);
        }
    }

    [Fact]
    public void Mapping_RoundTripsSampledParameters()
    {
        var space = new SearchSpace<SweepOptions>();
        var random = new SeededRandom(5);
        var feature = new double[space.FeatureSpaceDim];
        for (int sample = 0; sample < 300; sample++)
        {
            for (int i = 0; i < feature.Length; i++)
            {
                feature[i] = random.NextDouble();
            }

            Parameter parameter = space.SampleFromFeatureSpace(feature);
            Parameter again = space.SampleFromFeatureSpace(space.MappingToFeatureSpace(parameter));

            Assert.Equal(parameter.ToJson(), again.ToJson());
        }
    }

    [Fact]
    public void Default_MapsToTheAttributesInitialValues()
    {
        var space = new SearchSpace<SweepOptions>();

        SweepOptions options = space.SampleOptions(space.Default.ToArray());

        Assert.Equal([64], options.GeneratorHiddenSizes);
        Assert.Equal([32], options.TargetHiddenSizes);
        Assert.Equal(GeneratorKindForTest.PerLayer, options.GeneratorKind);
        Assert.Equal(256, options.ChunkSize);
        Assert.Equal(1e-3, options.LearningRate, 9);
        Assert.Equal(5, options.Epochs);
        Assert.True(options.Shuffle);
    }

    [Fact]
    public void Default_TakesInstanceValuesWhenGiven()
    {
        var defaults = new SweepOptions { Epochs = 12, GeneratorHiddenSizes = [128, 32], BatchSize = 64 };
        var space = new SearchSpace<SweepOptions>(defaults);

        SweepOptions options = space.SampleOptions(space.Default.ToArray());

        Assert.Equal(12, options.Epochs);
        Assert.Equal([128, 32], options.GeneratorHiddenSizes);
        Assert.Equal(64, options.BatchSize);
    }

    [Fact]
    public void UniformInt_GivesEveryValueAnEqualShare()
    {
        var option = new UniformIntOption(1, 4);
        var random = new SeededRandom(3);
        var counts = new int[5];
        for (int i = 0; i < 40_000; i++)
        {
            counts[option.SampleFromFeatureSpace([random.NextDouble()]).AsType<int>()]++;
        }

        Assert.Equal(0, counts[0]);
        Assert.All(counts[1..], c => Assert.InRange(c, 9_400, 10_600));
    }

    [Fact]
    public void LogRange_PutsHalfTheSamplesBelowTheGeometricMean()
    {
        var option = new UniformDoubleOption(1e-4, 1, logBase: true);
        var random = new SeededRandom(9);
        int below = 0;
        for (int i = 0; i < 10_000; i++)
        {
            below += option.SampleFromFeatureSpace([random.NextDouble()]).AsType<double>() < 1e-2 ? 1 : 0;
        }

        Assert.InRange(below, 4_700, 5_300);
    }

    [Fact]
    public void LayerSizes_WidthsBeyondTheDepthDoNotChangeTheValue()
    {
        var option = new LayerSizesOption(0, 3, 8, 512);
        double[] feature = [0.5, 0.2, 0.9, 0.9];
        double[] otherTail = [0.5, 0.2, 0.1, 0.3];

        int[] first = option.SampleFromFeatureSpace(feature).AsType<int[]>();
        int[] second = option.SampleFromFeatureSpace(otherTail).AsType<int[]>();

        Assert.Equal(2, first.Length);
        Assert.Equal(first[0], second[0]);
        Assert.NotEqual(first[1], second[1]);
        Assert.Empty(option.SampleFromFeatureSpace([0.0, 0.5, 0.5, 0.5]).AsType<int[]>());
    }

    [Fact]
    public void Range_ThrowsWhenMinIsNotBelowMax()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new UniformDoubleOption(2, 2));
        Assert.Contains("min < max", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Range_ThrowsForLogScaleWithNonPositiveMin()
    {
        Assert.Throws<ArgumentException>(() => new UniformIntOption(0, 10, logBase: true));
    }

    [Fact]
    public void Range_ThrowsForInitialValueOutsideTheRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UniformIntOption(1, 10, defaultValue: 11));
    }

    [Fact]
    public void Choice_ThrowsForDefaultThatIsNotAChoice()
    {
        Assert.Throws<ArgumentException>(() => new ChoiceOption(["a", "b"], "c"));
    }

    [Fact]
    public void SearchSpace_ThrowsForDuplicateKey()
    {
        var space = new SearchSpace { { "x", new UniformIntOption(1, 3) } };

        Assert.Throws<ArgumentException>(() => space.Add("x", new UniformIntOption(1, 3)));
    }

    [Fact]
    public void SearchSpace_NestsAndReportsFeatureRanges()
    {
        var inner = new SearchSpace { { "a", new UniformIntOption(1, 3) }, { "b", new ChoiceOption("p", "q", "r") } };
        var space = new SearchSpace { { "z", new UniformDoubleOption(0, 1) }, { "inner", inner } };

        Parameter parameter = space.SampleFromFeatureSpace([0.01, 0.99, 0.5]);

        Assert.Equal((0, 2), space.GetFeatureRange("inner"));
        Assert.Equal(1, parameter["inner"]["a"].AsType<int>());
        Assert.Equal("r", parameter["inner"]["b"].AsType<string>());
        Assert.Equal(0.5, parameter["z"].AsType<double>());
    }

    [Fact]
    public void ApplyTo_OverwritesSweptPropertiesAndKeepsTheRest()
    {
        var space = new SearchSpace<SweepOptions>();
        var baseOptions = new SweepOptions { LabelColumnName = "Target" };

        SweepOptions options = space.SampleFromFeatureSpace(Enumerable.Repeat(0.99, space.FeatureSpaceDim).ToArray()).ApplyTo(baseOptions);

        Assert.Equal("Target", options.LabelColumnName);
        Assert.Equal(50, options.Epochs);
        Assert.Equal(GeneratorKindForTest.LowRank, options.GeneratorKind);
    }

    [Fact]
    public void Parameter_RoundTripsThroughJson()
    {
        Parameter parameter = Parameter.CreateNestedParameter();
        parameter["kind"] = Parameter.FromObject(GeneratorKindForTest.Chunked);
        parameter["sizes"] = Parameter.FromObject(new[] { 3, 5 });
        parameter["rate"] = Parameter.FromDouble(0.1 + 0.2);

        Parameter copy = Parameter.FromJson(parameter.ToJson());

        Assert.Equal(GeneratorKindForTest.Chunked, copy["kind"].AsType<GeneratorKindForTest>());
        Assert.Equal([3, 5], copy["sizes"].AsType<int[]>());
        Assert.Equal(0.1 + 0.2, copy["rate"].AsType<double>());
    }
}
