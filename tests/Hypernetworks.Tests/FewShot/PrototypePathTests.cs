using Hypernetworks.Initialization;
using Hypernetworks.Model;
using Hypernetworks.Model.FewShot;
using Hypernetworks.Tensors;
using Hypernetworks.Tests.Model;
using Hypernetworks.Tests.Testing;
using static Hypernetworks.Tests.FewShot.SetEncoderFixtures;

namespace Hypernetworks.Tests.FewShot;

/// <summary>The DeepSets prototype path: the fitted metric, the class-wise generator, and the network they start as.</summary>
public class PrototypePathTests
{
    private const float Shrinkage = 0.5f;

    [Fact]
    public void SetMetric_WhitensTheShrunkWithinClassScatter()
    {
        (float[] rows, int[] classes) = LabelledRows(seed: 5, perClass: 40);
        var metric = new SetMetric(ExampleSize, Shrinkage);

        metric.Fit(rows, classes);

        // TᵀT is the inverse of Σ_w + λI up to the scale that makes ‖u‖ average 1: TᵀT·(Σ_w + λI) = c·I.
        double[,] shrunk = ShrunkScatter(rows, classes);
        double[,] product = new double[ExampleSize, ExampleSize];
        for (int i = 0; i < ExampleSize; i++)
        {
            for (int j = 0; j < ExampleSize; j++)
            {
                for (int k = 0; k < ExampleSize; k++)
                {
                    double tt = 0;
                    for (int m = 0; m < ExampleSize; m++)
                    {
                        tt += metric.Transform[(m * ExampleSize) + i] * (double)metric.Transform[(m * ExampleSize) + k];
                    }

                    product[i, j] += tt * shrunk[k, j];
                }
            }
        }

        double c = product[0, 0];
        Assert.True(c > 0);
        for (int i = 0; i < ExampleSize; i++)
        {
            for (int j = 0; j < ExampleSize; j++)
            {
                Assert.Equal(i == j ? c : 0, product[i, j], 1e-4 * c);
            }
        }

        var u = new float[rows.Length];
        metric.Apply(rows, classes.Length, new float[rows.Length], u);
        double meanNorm = Enumerable.Range(0, classes.Length).Average(r => System.Numerics.Tensors.TensorPrimitives.Norm(u.AsSpan(r * ExampleSize, ExampleSize)));
        Assert.Equal(1, meanNorm, 1e-3);
    }

    [Fact]
    public void Hypernetwork_StartsAsTheCosineClassifierOfThePrototypesInTheMetric()
    {
        using var net = new Hypernetwork(Spec(), seed: 2);
        (float[] rows, int[] classes) = LabelledRows(seed: 6, perClass: 30);
        net.FitSetMetric(rows, classes);
        SetMetric metric = net.Metric!;
        float[] support = SupportSet(seed: 7);
        int[] labels = [.. Enumerable.Range(0, Ways * Shots).Select(i => i / Shots)];

        TargetNetwork adapted = net.Adapt(support, labels);

        float[] queries = SupportSet(seed: 8);
        int count = queries.Length / ExampleSize;
        var logits = new float[count * Ways];
        adapted.Forward(queries, logits);
        float[] uSupport = InMetric(metric, support);
        float[] uQueries = InMetric(metric, queries);
        for (int q = 0; q < count; q++)
        {
            for (int c = 0; c < Ways; c++)
            {
                var prototype = new float[ExampleSize];
                for (int s = 0; s < Shots; s++)
                {
                    ReadOnlySpan<float> example = uSupport.AsSpan(((c * Shots) + s) * ExampleSize, ExampleSize);
                    float norm = System.Numerics.Tensors.TensorPrimitives.Norm(example);
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(example, 1f / norm, prototype, prototype);
                }

                float expected = 10f * System.Numerics.Tensors.TensorPrimitives.Dot(uQueries.AsSpan(q * ExampleSize, ExampleSize), prototype) / System.Numerics.Tensors.TensorPrimitives.Norm(prototype);
                Assert.Equal(expected, logits[(q * Ways) + c], 1e-3f);
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Hypernetwork_GradientsMatchFiniteDifferences(bool oneSupportSetPerSlice)
    {
        HypernetworkSpec full = Spec();
        HypernetworkSpec spec = oneSupportSetPerSlice ? Spec(maxGenerated: full.TargetParameterCount()) : full;
        using var net = new Hypernetwork(spec, seed: 3);
        (float[] rows, int[] classes) = LabelledRows(seed: 9, perClass: 20);
        net.FitSetMetric(rows, classes);

        // The correction starts at zero, which would leave φ and ρ without a gradient to check.
        var random = new SeededRandom(4);
        foreach (Parameter p in net.Parameters.Where(p => p.Name.StartsWith("generator.prototype.", StringComparison.Ordinal)))
        {
            GradientCheck.RandomValues(random, p.Length, -0.5f, 0.5f).CopyTo(p.Value.Span);
        }

        Assert.Contains(net.Parameters, p => p.Name == "generator.prototype.residual");
        CheckGradients(net);
    }

    [Fact]
    public void Hypernetwork_StartsFollowingTheLabelsExactly()
    {
        // Before meta-training each row is its class's prototype alone; after it, ρ (which reads the labels) adds to it.
        using var net = new Hypernetwork(Spec(), seed: 5);
        (float[] rows, int[] classes) = LabelledRows(seed: 10, perClass: 20);
        net.FitSetMetric(rows, classes);

        float[] set = SupportSet(seed: 11);
        int[] order = [2, 0, 1];
        TargetNetwork original = net.Materialize(set);
        TargetNetwork permuted = net.Materialize(PermuteClasses(set, order));

        for (int c = 0; c < Ways; c++)
        {
            float[] expected = original.Weight(0).Slice(c * ExampleSize, ExampleSize).ToArray();
            float[] actual = permuted.Weight(0).Slice(order[c] * ExampleSize, ExampleSize).ToArray();
            Assert.Equal(expected, actual, (a, b) => Math.Abs(a - b) <= 1e-4f * (1 + Math.Abs(a)));
            Assert.Equal(original.Bias(0)[c], permuted.Bias(0)[order[c]], 1e-4f);
        }
    }

    [Fact]
    public void FitSetMetric_LearnsToIgnoreTheDirectionInWhichEveryClassVaries()
    {
        // Classes differ by a small shift in features 0-2; every example also carries a large shared nuisance in
        // feature 3. Nearest prototype in the raw features is fooled by it; the fitted metric is not. (The shrinkage
        // is relative to the mean variance, which the nuisance dominates here, so it is small.)
        using var net = new Hypernetwork(Spec(shrinkage: 0.01f), seed: 7);
        var random = new SeededRandom(12);
        float[] Example(int @class, float nuisanceScale)
        {
            var x = new float[ExampleSize];
            for (int j = 0; j < 3; j++)
            {
                x[j] = (j == @class % 3 ? 1f : 0f) + (0.2f * random.NextGaussian());
            }

            x[3] = nuisanceScale * random.NextGaussian();
            return x;
        }

        int[] trainClasses = [.. Enumerable.Range(0, 300).Select(i => i % 3)];
        float[] train = [.. trainClasses.SelectMany(c => Example(c, 5f))];
        net.FitSetMetric(train, trainClasses);

        int metricCorrect = 0;
        int rawCorrect = 0;
        const int Trials = 200;
        for (int t = 0; t < Trials; t++)
        {
            float[] support = [.. Enumerable.Range(0, Ways * Shots).SelectMany(i => Example(i / Shots, 5f))];
            int[] labels = [.. Enumerable.Range(0, Ways * Shots).Select(i => i / Shots)];
            int truth = t % Ways;
            float[] query = Example(truth, 5f);
            var logits = new float[Ways];
            net.Adapt(support, labels).Forward(query, logits);
            metricCorrect += ArgMax(logits) == truth ? 1 : 0;
            rawCorrect += NearestRawPrototype(support, query) == truth ? 1 : 0;
        }

        Assert.True(metricCorrect >= 0.9 * Trials, $"metric {metricCorrect} of {Trials}");
        Assert.True(rawCorrect <= 0.7 * Trials, $"raw {rawCorrect} of {Trials}");
    }

    [Fact]
    public void State_RoundTripsThePrototypePathWithItsMetric()
    {
        HypernetworkSpec spec = Spec();
        using var net = new Hypernetwork(spec, seed: 9);
        (float[] rows, int[] classes) = LabelledRows(seed: 13, perClass: 20);
        net.FitSetMetric(rows, classes);

        using Hypernetwork loaded = RoundTrip(net);

        Assert.Equal(Shrinkage, loaded.Spec.SetMetricShrinkage);
        Assert.Equal(net.Metric!.Transform, loaded.Metric!.Transform);
        Assert.Equal(net.Metric.Mean, loaded.Metric.Mean);
    }

    [Fact]
    public void FitSetMetric_ThrowsWithoutThePrototypePath()
    {
        using var net = new Hypernetwork(SetEncoderFixtures.Spec(ConditioningEncoderKind.DeepSets), seed: 1);

        var error = Assert.Throws<InvalidOperationException>(() => net.FitSetMetric(new float[2 * ExampleSize], [0, 1]));

        Assert.Contains("SetMetricShrinkage > 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FitSetMetric_ThrowsForOneClassOrTheWrongWidth()
    {
        using var net = new Hypernetwork(Spec(), seed: 1);

        var oneClass = Assert.Throws<ArgumentException>(() => net.FitSetMetric(new float[3 * ExampleSize], [4, 4, 4]));
        var width = Assert.Throws<ArgumentException>(() => net.FitSetMetric(new float[(3 * ExampleSize) + 1], [0, 1, 2]));

        Assert.Contains("1 class(es)", oneClass.Message, StringComparison.Ordinal);
        Assert.Equal("examples", width.ParamName);
    }

    [Theory]
    [InlineData(ConditioningEncoderKind.Prototypes, 1, 0, 1f, "SetMetricShrinkage")]
    [InlineData(ConditioningEncoderKind.DeepSets, 2, 0, 1f, "TargetLayerSizes")]
    [InlineData(ConditioningEncoderKind.DeepSets, 1, 6, 1f, "HiddenSizes")]
    [InlineData(ConditioningEncoderKind.DeepSets, 1, 0, -1f, "SetMetricShrinkage")]
    [InlineData(ConditioningEncoderKind.DeepSets, 1, 0, float.NaN, "SetMetricShrinkage")]
    public void Spec_RejectsAPrototypePathItCannotBuild(ConditioningEncoderKind encoder, int targetLayers, int hidden, float shrinkage, string option)
    {
        var spec = new HypernetworkSpec
        {
            ConditioningSize = Ways * Shots * ExampleSize, InputSize = ExampleSize,
            TargetLayerSizes = targetLayers == 1 ? [(ExampleSize, Ways)] : [(ExampleSize, 5), (5, Ways)],
            HiddenSizes = hidden == 0 ? [] : [hidden], Task = HypernetworkTask.MulticlassClassification, Encoder = encoder, Ways = Ways, Shots = Shots,
            SetHiddenSizes = [5, 4], SetEmbeddingSize = 3, SetMetricShrinkage = shrinkage,
        };

        var error = Assert.Throws<ArgumentException>(spec.Validate);

        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void FitSetMetric_LeavesTheMetricAsItWasWhenCancelled()
    {
        using var net = new Hypernetwork(Spec(), seed: 1);
        (float[] rows, int[] classes) = LabelledRows(seed: 3, perClass: 20);
        net.FitSetMetric(rows, classes);
        float[] mean = [.. net.Metric!.Mean];
        float[] transform = [.. net.Metric.Transform];
        (float[] others, int[] otherClasses) = LabelledRows(seed: 4, perClass: 20);

        Assert.ThrowsAny<OperationCanceledException>(() => net.FitSetMetric(others, otherClasses, new CancellationToken(canceled: true)));

        Assert.Equal(mean, net.Metric.Mean);
        Assert.Equal(transform, net.Metric.Transform);
    }

    [Fact]
    public void FitSetMetric_ThrowsForValuesWhoseScatterOverflows()
    {
        using var net = new Hypernetwork(Spec(), seed: 1);
        (float[] rows, int[] classes) = LabelledRows(seed: 3, perClass: 20);
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] *= 1e20f;
        }

        var error = Assert.Throws<ArgumentException>(() => net.FitSetMetric(rows, classes));

        Assert.Equal("examples", error.ParamName);
        Assert.Contains("Scale the features", error.Message, StringComparison.Ordinal);
        Assert.True(net.Metric!.IsValid());
    }

    [Fact]
    public void Load_ThrowsForAMetricThatIsNotFitted()
    {
        using var net = new Hypernetwork(Spec(), seed: 1);
        net.Metric!.Transform.AsSpan().Clear();
        using var stream = new MemoryStream();
        net.Save(stream);
        stream.Position = 0;

        var error = Assert.Throws<Hypernetworks.Model.Persistence.HypernetworkFormatException>(() => Hypernetwork.Load(stream));

        Assert.Contains("encoder.metric.transform", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GeneratorKind.PerLayer, 0f, "Generator")]
    [InlineData(GeneratorKind.SharedTrunk, 0.5f, "SharedWeightFraction")]
    public void Spec_RejectsGeneratorOptionsThePrototypePathHasNoUseFor(GeneratorKind generator, float sharedFraction, string option)
    {
        HypernetworkSpec good = Spec();
        var spec = new HypernetworkSpec
        {
            ConditioningSize = good.ConditioningSize, InputSize = good.InputSize, TargetLayerSizes = good.TargetLayerSizes, HiddenSizes = [],
            Task = good.Task, Encoder = good.Encoder, Ways = Ways, Shots = Shots, SetHiddenSizes = good.SetHiddenSizes, SetEmbeddingSize = good.SetEmbeddingSize,
            SetMetricShrinkage = Shrinkage, Generator = generator, SharedWeightFraction = sharedFraction,
        };

        var error = Assert.Throws<ArgumentException>(spec.Validate);

        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void Spec_RejectsAnInputTooWideForTheMetric()
    {
        const int Width = HypernetworkSpec.MaxMetricWidth + 1;
        var spec = new HypernetworkSpec
        {
            ConditioningSize = Ways * Shots * Width, InputSize = Width, TargetLayerSizes = [(Width, Ways)], HiddenSizes = [],
            Task = HypernetworkTask.MulticlassClassification, Encoder = ConditioningEncoderKind.DeepSets, Ways = Ways, Shots = Shots, SetMetricShrinkage = 1f,
        };

        var error = Assert.Throws<ArgumentException>(spec.Validate);

        Assert.Equal(nameof(HypernetworkSpec.InputSize), error.ParamName);
        Assert.Contains($"at most {HypernetworkSpec.MaxMetricWidth} features", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EpisodicTrainingStep_AllocatesNothingWhenWarm()
    {
        HypernetworkSpec spec = Spec();
        using var net = new Hypernetwork(spec, seed: 2);
        (float[] rows, int[] classes) = LabelledRows(seed: 14, perClass: 5);
        net.FitSetMetric(rows, classes);
        var options = new EpisodeOptions { Ways = Ways, Shots = Shots, Queries = 2, EpisodesPerBatch = 2, BatchesPerEpoch = int.MaxValue, Seed = 1 };
        var sampler = new EpisodeSampler(rows, ExampleSize, classes, [.. classes.Distinct()], options);
        int batch = options.BatchRows;
        var conditioning = new float[batch * spec.ConditioningSize];
        var data = new float[batch * ExampleSize];
        var labels = new float[batch];
        sampler.BeginEpoch(0);
        sampler.NextBatch(batch, conditioning, data, labels);

        long step = Allocations.OfWarm(() =>
        {
            for (int i = 0; i < net.Parameters.Count; i++)
            {
                net.Parameters[i].ZeroGradient();
            }

            net.ComputeGradients(conditioning, data, labels);
        });

        Assert.Equal(0L, step);
    }

    private static HypernetworkSpec Spec(long maxGenerated = 1L << 26, float shrinkage = Shrinkage) => new()
    {
        ConditioningSize = Ways * Shots * ExampleSize, InputSize = ExampleSize, TargetLayerSizes = [(ExampleSize, Ways)], HiddenSizes = [],
        Task = HypernetworkTask.MulticlassClassification, Encoder = ConditioningEncoderKind.DeepSets, Ways = Ways, Shots = Shots,
        SetHiddenSizes = [5, 4], SetEmbeddingSize = 3, SetMetricShrinkage = shrinkage, MaxGeneratedFloats = maxGenerated,
    };

    /// <summary>Rows of six classes with class means apart and correlated within-class noise.</summary>
    private static (float[] Rows, int[] Classes) LabelledRows(ulong seed, int perClass)
    {
        var random = new SeededRandom(seed);
        int[] classes = [.. Enumerable.Range(0, 6 * perClass).Select(i => i % 6)];
        var rows = new float[classes.Length * ExampleSize];
        for (int r = 0; r < classes.Length; r++)
        {
            float shared = random.NextGaussian();
            for (int j = 0; j < ExampleSize; j++)
            {
                rows[(r * ExampleSize) + j] = (classes[r] == j ? 2f : 0f) + ((j + 1) * 0.5f * shared) + random.NextGaussian();
            }
        }

        return (rows, classes);
    }

    /// <summary>Σ_w + λ·(tr Σ_w / width)·I in double, computed directly.</summary>
    private static double[,] ShrunkScatter(float[] rows, int[] classes)
    {
        var scatter = new double[ExampleSize, ExampleSize];
        foreach (int c in classes.Distinct())
        {
            int[] members = [.. Enumerable.Range(0, classes.Length).Where(r => classes[r] == c)];
            double[] mean = [.. Enumerable.Range(0, ExampleSize).Select(j => members.Average(r => (double)rows[(r * ExampleSize) + j]))];
            foreach (int r in members)
            {
                for (int i = 0; i < ExampleSize; i++)
                {
                    for (int j = 0; j < ExampleSize; j++)
                    {
                        scatter[i, j] += (rows[(r * ExampleSize) + i] - mean[i]) * (rows[(r * ExampleSize) + j] - mean[j]) / classes.Length;
                    }
                }
            }
        }

        double trace = Enumerable.Range(0, ExampleSize).Sum(i => scatter[i, i]);
        for (int i = 0; i < ExampleSize; i++)
        {
            scatter[i, i] += Shrinkage * trace / ExampleSize;
        }

        return scatter;
    }

    private static float[] InMetric(SetMetric metric, float[] rows)
    {
        var u = new float[rows.Length];
        metric.Apply(rows, rows.Length / ExampleSize, new float[rows.Length], u);
        return u;
    }

    private static int NearestRawPrototype(float[] support, float[] query)
    {
        int best = 0;
        float bestDistance = float.MaxValue;
        for (int c = 0; c < Ways; c++)
        {
            var prototype = new float[ExampleSize];
            for (int s = 0; s < Shots; s++)
            {
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(support.AsSpan(((c * Shots) + s) * ExampleSize, ExampleSize), 1f / Shots, prototype, prototype);
            }

            float distance = System.Numerics.Tensors.TensorPrimitives.Distance(prototype, query);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (c, distance);
            }
        }

        return best;
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            best = values[i] > values[best] ? i : best;
        }

        return best;
    }
}
