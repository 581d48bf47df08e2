using System.Reflection;
using Hypernetworks.Layers;
using Hypernetworks.Model;
using Hypernetworks.Model.Training;
using Hypernetworks.Optimizers;

namespace Hypernetworks.Tests.Model.Continual;

/// <summary>The copies continual learning makes of a spec and of training options keep every other property.</summary>
public class OptionCopyTests
{
    [Fact]
    public void WithEmbeddingCount_KeepsEveryOtherProperty()
    {
        var spec = new HypernetworkSpec
        {
            ConditioningSize = 1, InputSize = 3, TargetLayerSizes = [(3, 4), (4, 2)], HiddenSizes = [5], Activation = Activation.Tanh,
            GeneratorActivation = Activation.Gelu, Generator = GeneratorKind.Chunked, Encoder = ConditioningEncoderKind.Embedding,
            EmbeddingCount = 2, EmbeddingSize = 6, ChunkSize = 7, ChunkEmbeddingSize = 3, Rank = 2, LowRankBase = true,
            Initialization = InitializationScheme.HyperfanOut, NormalizeTrunkOutput = true, SharedWeightFraction = 0.25f,
            Task = HypernetworkTask.MulticlassClassification, MaxGeneratedFloats = 12345,
        };
        HypernetworkSpec copy = spec.WithEmbeddingCount(9);

        Assert.Equal(9, copy.EmbeddingCount);
        AssertSameExcept(spec, copy, nameof(HypernetworkSpec.EmbeddingCount));
    }

    [Fact]
    public void With_KeepsEveryOtherOption()
    {
        var options = new TrainingOptions
        {
            Epochs = 3, BatchSize = 7, LearningRate = 0.02f, Optimizer = OptimizerKind.Sgd, Momentum = 0.5f, WeightDecay = 0.1f,
            Schedule = new CosineSchedule(100, 1e-5f), GradientClipNorm = 2f, ValidationFraction = 0.2f, EarlyStoppingPatience = 4,
            Shuffle = false, CalibrateInitialization = true, Seed = 11,
        };
        TrainingOptions copy = options.With(TrainingBackend.Managed, calibrate: false);

        Assert.False(copy.CalibrateInitialization);
        Assert.Same(TrainingBackend.Managed, copy.Backend);
        AssertSameExcept(options, copy, nameof(TrainingOptions.CalibrateInitialization), nameof(TrainingOptions.Backend));
    }

    private static void AssertSameExcept<T>(T expected, T actual, params string[] except)
    {
        foreach (PropertyInfo property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && !except.Contains(p.Name)))
        {
            Assert.True(Equals(property.GetValue(expected), property.GetValue(actual)), $"{typeof(T).Name}.{property.Name} was not copied");
        }
    }
}
