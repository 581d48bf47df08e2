using Hypernetworks.MLNet.Trainers;
using Hypernetworks.Model;
using Hypernetworks.Model.FewShot;
using Hypernetworks.Model.Training;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Hypernetworks.MLNet;

/// <summary>
/// Meta-trains a few-shot hypernetwork on a labelled data view: every step draws episodes (N classes of the data, K
/// support and Q query rows each, labels 0 … N − 1 in a random order), encodes each episode's support set, generates
/// a classifier from it and trains on the queries. With the DeepSets encoder and a linear target (the defaults), Fit
/// first fits a metric to the data's classes in closed form, and each generated classifier starts as the nearest
/// class prototype in that metric (see <see cref="Options.MetricShrinkage"/>). The fitted <see cref="FewShotHypernetworkTransformer"/> is then
/// adapted to new classes with <see cref="FewShotHypernetworkTransformer.Adapt"/>, with no gradient step.
/// </summary>
public sealed partial class FewShotHypernetworkTrainer : IEstimator<FewShotHypernetworkTransformer>
{
    private readonly IHost _host;
    private readonly Options _options;
    private readonly int _seed;

    /// <summary>Creates the trainer.</summary>
    /// <param name="environment">The ML.NET environment (an <see cref="MLContext"/>); its seed is the default seed.</param>
    /// <param name="options">The options.</param>
    public FewShotHypernetworkTrainer(IHostEnvironment environment, Options options)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        CheckOptions(options);
        _host = environment.Register(nameof(FewShotHypernetworkTrainer));
        _options = options;
        _seed = options.Seed ?? _host.Rand.Next();
    }

    /// <summary>The options this trainer was made with.</summary>
    public Options TrainerOptions => _options;

    /// <summary>Meta-trains on every class of <paramref name="input"/>.</summary>
    public FewShotHypernetworkTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckOptions(_options);
        LabelledExamples examples = LabelledExamples.Read(input, _options.FeatureColumnName, _options.LabelColumnName, null, LabelledExamples.TrainingData, _options.CancellationToken);
        int[] classes = [.. examples.Labels.Distinct().Order()];
        if (UsesPrototypePath(_options) && examples.FeatureSize > HypernetworkSpec.MaxMetricWidth)
        {
            throw new ArgumentOutOfRangeException(nameof(Options.MetricShrinkage), $"Feature column '{_options.FeatureColumnName}' has {examples.FeatureSize} values; the DeepSets prototype path (FewShotHypernetworkTrainer.Options.MetricShrinkage {_options.MetricShrinkage}) fits a metric of features², so it takes at most {HypernetworkSpec.MaxMetricWidth}. Reduce the features first (for example with mlContext.Transforms.ProjectToPrincipalComponents) or set MetricShrinkage to 0.");
        }

        if (_options.Augmentations != ImageAugmentations.None && (long)_options.ImageWidth * _options.ImageWidth != examples.FeatureSize)
        {
            throw new ArgumentOutOfRangeException(nameof(Options.ImageWidth), $"FewShotHypernetworkTrainer.Options.ImageWidth is {_options.ImageWidth}; the augmentations transform square images, so its square must be the {examples.FeatureSize} values of feature column '{_options.FeatureColumnName}'.");
        }

        // Epochs of an equal number of steps that multiply to exactly Options.Steps (the loop reports once an epoch).
        int perEpoch = Enumerable.Range(1, Math.Min(_options.Steps, 100)).Last(d => _options.Steps % d == 0);
        var episodes = new EpisodeOptions
        {
            Ways = _options.Ways, Shots = _options.Shots, Queries = _options.Queries, EpisodesPerBatch = _options.EpisodesPerStep,
            BatchesPerEpoch = perEpoch, Augmentations = _options.Augmentations, ImageWidth = _options.ImageWidth, Seed = (ulong)_seed,
        };
        CheckClasses(examples, classes, episodes.TransformsPerClass);
        EpisodeSampler sampler = MakeSampler(examples, classes, episodes);
        HypernetworkSpec spec = MakeSpec(examples.FeatureSize);
        var model = new Hypernetwork(spec, (ulong)_seed);
        try
        {
            using IChannel channel = _host.Start("Meta-training");
            if (spec.HasPrototypePath)
            {
                // Fitted to the rows as they are: the augmented classes are for meta-training, not for the metric.
                model.FitSetMetric(examples.Features, examples.Labels, _options.CancellationToken);
            }

            var loop = new TrainingLoop(new TrainingOptions
            {
                Epochs = _options.Steps / perEpoch, BatchSize = episodes.BatchRows,
                LearningRate = _options.LearningRate ?? (spec.HasPrototypePath ? Defaults.PrototypePathLearningRate : Defaults.LearningRate), Seed = (ulong)_seed,
            });
            loop.Fit(model, sampler, progress: new ChannelProgress(channel, _options.Progress), cancellationToken: _options.CancellationToken);
            return new FewShotHypernetworkTransformer(model, _options.FeatureColumnName, _options.LabelColumnName);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Checks the feature and label columns; the meta-trained model adds no column itself (its adapted classifiers
    /// add PredictedLabel and Score), so the shape is the input's.
    /// </summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        HypernetworkColumns.Features(inputSchema, _options.FeatureColumnName);
        HypernetworkTask? task = HypernetworkTask.MulticlassClassification;
        HypernetworkColumns.Label(inputSchema, _options.LabelColumnName, ref task);
        return inputSchema;
    }

    private static void CheckOptions(Options options)
    {
        Require(!string.IsNullOrEmpty(options.FeatureColumnName), nameof(Options.FeatureColumnName), "is empty");
        Require(!string.IsNullOrEmpty(options.LabelColumnName), nameof(Options.LabelColumnName), "is empty");
        Require(Enum.IsDefined(options.Encoder), nameof(Options.Encoder), $"is {options.Encoder}, not a known encoder");
        Require(options.Ways >= 2, nameof(Options.Ways), $"is {options.Ways}; an episode needs at least 2 classes");
        Require(options.Shots >= 1, nameof(Options.Shots), $"is {options.Shots}; it must be at least 1");
        Require(options.Queries >= 1, nameof(Options.Queries), $"is {options.Queries}; it must be at least 1");
        Require(options.Steps >= 1, nameof(Options.Steps), $"is {options.Steps}; it must be at least 1");
        Require(options.EpisodesPerStep >= 1, nameof(Options.EpisodesPerStep), $"is {options.EpisodesPerStep}; it must be at least 1");
        Require(options.LearningRate is null || (options.LearningRate > 0 && float.IsFinite(options.LearningRate.Value)), nameof(Options.LearningRate), $"is {options.LearningRate}; it must be null (by encoder) or positive");
        Require(options.TargetHiddenSizes is not null && options.TargetHiddenSizes.All(s => s > 0), nameof(Options.TargetHiddenSizes), "must be a list of positive widths");
        Require(options.HiddenSizes is null || options.HiddenSizes.All(s => s > 0), nameof(Options.HiddenSizes), "must be null or a list of positive widths");
        Require(options.SetHiddenSizes is { Count: > 0 } && options.SetHiddenSizes.All(s => s > 0), nameof(Options.SetHiddenSizes), "must be a non-empty list of positive widths");
        Require(options.SetEmbeddingSize > 0, nameof(Options.SetEmbeddingSize), $"is {options.SetEmbeddingSize}; it must be positive");
        Require(Enum.IsDefined(options.TargetActivation), nameof(Options.TargetActivation), $"is {options.TargetActivation}, not a known activation");
        Require((options.Augmentations & ~(ImageAugmentations.Rotations | ImageAugmentations.Flips)) == 0, nameof(Options.Augmentations), $"is {options.Augmentations}, not a known combination");
        Require(options.Augmentations == ImageAugmentations.None || options.ImageWidth > 0, nameof(Options.ImageWidth), $"is {options.ImageWidth}; the augmentations need the side of the square images");
        Require(options.SharedWeightFraction is >= 0f and < 1f, nameof(Options.SharedWeightFraction), $"is {options.SharedWeightFraction}; it must be in [0, 1)");
        Require(float.IsFinite(options.MetricShrinkage) && options.MetricShrinkage >= 0, nameof(Options.MetricShrinkage), $"is {options.MetricShrinkage}; it must be 0 (off) or positive");
        Require(!UsesPrototypePath(options) || options.SharedWeightFraction == 0, nameof(Options.SharedWeightFraction), $"is {options.SharedWeightFraction}, but the DeepSets prototype path (MetricShrinkage {options.MetricShrinkage} with a linear target) starts every row at its class's prototype, with nothing shared; leave it 0 or set MetricShrinkage to 0");
        Require(!UsesPrototypePath(options) || options.HiddenSizes is null || options.HiddenSizes.Count == 0, nameof(Options.HiddenSizes), $"has {options.HiddenSizes?.Count} entries, but the DeepSets prototype path (MetricShrinkage {options.MetricShrinkage} with a linear target) has its own class-wise generator; leave it null or set MetricShrinkage to 0");
    }

    /// <summary>The DeepSets encoder with a linear target and a positive <see cref="Options.MetricShrinkage"/>.</summary>
    private static bool UsesPrototypePath(Options options)
        => options.Encoder == FewShotEncoder.DeepSets && options.MetricShrinkage > 0 && options.TargetHiddenSizes is { Count: 0 };

    private static void Require(bool condition, string option, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(option, $"FewShotHypernetworkTrainer.Options.{option} {message}.");
        }
    }

    private static EpisodeSampler MakeSampler(LabelledExamples examples, int[] classes, EpisodeOptions episodes)
        => new(examples.Features, examples.FeatureSize, examples.Labels, classes, episodes);

    /// <summary>Every class needs Shots + Queries rows, and there must be enough classes for an episode; errors name the class's value.</summary>
    private void CheckClasses(LabelledExamples examples, int[] classes, int transforms)
    {
        IReadOnlyList<string> names = LabelKeyValues.From(examples.LabelColumn).Values;
        int needed = _options.Shots + _options.Queries;
        var counts = new int[names.Count];
        foreach (int label in examples.Labels)
        {
            counts[label]++;
        }

        foreach (int c in classes)
        {
            if (counts[c] < needed)
            {
                throw new ArgumentException($"Label column '{_options.LabelColumnName}': class '{names[c]}' has {counts[c]} examples; an episode of {_options.Shots} shots and {_options.Queries} queries needs at least {needed}.", nameof(Options));
            }
        }

        if (classes.Length * transforms < _options.Ways)
        {
            throw new ArgumentException($"Label column '{_options.LabelColumnName}' holds {classes.Length} classes ({classes.Length * transforms} with augmentations); a {_options.Ways}-way episode needs at least {_options.Ways}.", nameof(Options));
        }
    }

    private HypernetworkSpec MakeSpec(int featureSize)
    {
        int[] widths = [featureSize, .. _options.TargetHiddenSizes, _options.Ways];
        return new HypernetworkSpec
        {
            ConditioningSize = _options.Ways * _options.Shots * featureSize, InputSize = featureSize,
            TargetLayerSizes = [.. widths.Zip(widths.Skip(1))], Activation = _options.TargetActivation,
            HiddenSizes = [.. _options.HiddenSizes ?? (_options.Encoder == FewShotEncoder.DeepSets ? Defaults.DeepSetsHiddenSizes : Defaults.ExampleHiddenSizes)],
            Generator = GeneratorKind.SharedTrunk, Task = HypernetworkTask.MulticlassClassification, Ways = _options.Ways, Shots = _options.Shots,
            Encoder = _options.Encoder switch
            {
                FewShotEncoder.Prototypes => ConditioningEncoderKind.Prototypes,
                FewShotEncoder.SupportMean => ConditioningEncoderKind.SupportMean,
                _ => ConditioningEncoderKind.DeepSets,
            },
            SetHiddenSizes = [.. _options.SetHiddenSizes], SetEmbeddingSize = _options.SetEmbeddingSize, SharedWeightFraction = _options.SharedWeightFraction,
            SetMetricShrinkage = UsesPrototypePath(_options) ? _options.MetricShrinkage : 0f,
        };
    }
}
