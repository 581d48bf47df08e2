using Hypernetworks.MLNet.Trainers;
using Hypernetworks.Model;
using Hypernetworks.Model.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Hypernetworks.MLNet;

/// <summary>
/// Trains a hypernetwork y = f(x; θ = h(z)): the generator h reads the conditioning column z (a Single vector, or a
/// key through a learned embedding) and generates the weights θ of a target MLP f, which reads the feature column x.
/// The task comes from the catalog (or, for <c>mlContext.Hypernetwork(options)</c>, from the label's type: Single
/// for regression, Boolean for binary, a key for multiclass classification). The features and a Single
/// conditioning are standardised with the training rows' statistics (kept with the model) unless
/// <see cref="Options.Standardize"/> is off. The training columns are read once into memory as floats, then
/// trained on in shuffled mini-batches by the core training loop; it logs each epoch to the context's log and stops
/// when <see cref="Options.CancellationToken"/> is cancelled (ML.NET 5.0.1 keeps <c>MLContext.CancelExecution</c> internal).
/// </summary>
public sealed partial class HypernetworkTrainer : IEstimator<HypernetworkTransformer>
{
    private const int MaxChunkSize = 1024;
    private const int CalibrationRows = 1024;
    private readonly IHostEnvironment _environment;
    private readonly IHost _host;
    private readonly Options _options;
    private readonly int _seed;

    /// <summary>A trainer whose task is taken from the label column's type when it is fitted.</summary>
    /// <param name="environment">The ML.NET environment (an <see cref="MLContext"/>); its seed is the default seed.</param>
    /// <param name="options">The options.</param>
    public HypernetworkTrainer(IHostEnvironment environment, Options options)
        : this(environment, options, null)
    {
    }

    internal HypernetworkTrainer(IHostEnvironment environment, Options options, HypernetworkTask? task)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        CheckOptions(options);
        _environment = environment;
        _host = environment.Register(nameof(HypernetworkTrainer));
        _options = options;
        Task = task;
        _seed = options.Seed ?? _host.Rand.Next();
    }

    /// <summary>The task, or null when it is taken from the label column's type.</summary>
    public HypernetworkTask? Task { get; }

    /// <summary>The options this trainer was made with.</summary>
    public Options TrainerOptions => _options;

    /// <summary>Trains on <paramref name="input"/> and returns the fitted hypernetwork.</summary>
    public HypernetworkTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckOptions(_options);
        DataViewSchema schema = input.Schema;
        HypernetworkColumns.Conditioning(schema, _options.ConditioningColumnName, out int conditioningSize, out ulong keyCount);
        HypernetworkColumns.Features(schema, _options.FeatureColumnName, out int featureSize);
        HypernetworkTask? task = Task;
        DataViewSchema.Column label = HypernetworkColumns.Label(schema, _options.LabelColumnName, ref task);
        int classCount = task == HypernetworkTask.MulticlassClassification ? ClassCount(label) : 0;
        CheckKeyCount(keyCount);
        var layout = new HypernetworkColumnLayout(_options.ConditioningColumnName, _options.FeatureColumnName, _options.LabelColumnName,
            task!.Value, conditioningSize, keyCount, featureSize, classCount);
        HypernetworkSpec spec = MakeSpec(layout);

        using IChannel channel = _host.Start("Training");
        using ThreadLimitScope threads = _options.NumberOfThreads is int limit ? Engine.LimitThreads(limit) : default;
        channel.Info(MessageSensitivity.None, $"Hypernetwork ({layout.Task}): {spec.Generator} generator [{string.Join(", ", spec.HiddenSizes)}], target {string.Join(" -> ", spec.TargetLayerSizes.Select(l => l.In).Append(spec.OutputSize))}, seed {_seed}.");
        var model = new Hypernetwork(spec, (ulong)_seed);
        try
        {
            var progress = new ChannelProgress(channel, _options.Progress);
            (InputStandardization standardization, int[]? learnedKeys) = _options.CacheTrainingData
                ? FitInMemory(model, input, layout, progress, _options.CancellationToken)
                : FitStreaming(model, input, layout, progress, _options.CancellationToken);
            return new HypernetworkTransformer(model, layout, standardization,
                task == HypernetworkTask.MulticlassClassification ? LabelKeyValues.From(label) : null, schema, learnedKeys);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>The input shape with the task's score columns added; checks the columns this trainer reads.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        HypernetworkColumns.Conditioning(inputSchema, _options.ConditioningColumnName);
        HypernetworkColumns.Features(inputSchema, _options.FeatureColumnName);
        HypernetworkTask? task = Task;
        HypernetworkColumns.Label(inputSchema, _options.LabelColumnName, ref task);
        return ScoreShapes.Add(inputSchema, task!.Value, _options.LabelColumnName);
    }

    /// <summary>Trains on the rows read into memory; returns the standardisation and, for a key conditioning, the keys learned (null for every key).</summary>
    private (InputStandardization Standardization, int[]? LearnedKeys) FitInMemory(Hypernetwork model, IDataView input, HypernetworkColumnLayout layout, IProgress<TrainingProgress> progress, CancellationToken cancellationToken)
    {
        (float[] conditioning, float[] features, float[] labels, int rows) = TrainingDataReader.ReadRaw(input, layout, "training", cancellationToken);
        int[]? learnedKeys = layout.ConditioningKeyCount > 0 ? LearnedKeyIndices(conditioning, layout.ConditioningKeyCount) : null;
        var standardization = new InputStandardization(
            StandardizesConditioning(layout) ? ColumnStandardization.Fit(conditioning, layout.ConditioningSize) : null,
            _options.Standardize ? ColumnStandardization.Fit(features, layout.FeatureSize) : null);
        standardization.Apply(conditioning, features);
        var train = new TrainingSet(conditioning, features, labels, rows);
        if (layout.Task == HypernetworkTask.BinaryClassification)
        {
            TrainingDataReader.CheckBothClasses(train, layout.LabelColumnName);
        }

        TrainingSet? validation = ReadValidation(layout, standardization, cancellationToken);
        float fraction = validation is null && train.Rows > 1 ? _options.ValidationFraction : 0;
        new TrainingLoop(MakeTrainingOptions(fraction)).Fit(model, train, validation, progress, cancellationToken);
        return (standardization, learnedKeys);
    }

    /// <summary>Trains on the rows as a cursor serves them; returns the standardisation and, for a key conditioning, the keys learned (null for every key).</summary>
    private (InputStandardization Standardization, int[]? LearnedKeys) FitStreaming(Hypernetwork model, IDataView input, HypernetworkColumnLayout layout, IProgress<TrainingProgress> progress, CancellationToken cancellationToken)
    {
        if (_options.ValidationSet is null && _options.ValidationFraction > 0)
        {
            throw new ArgumentException("HypernetworkTrainer.Options.ValidationFraction needs CacheTrainingData; to stream the training data, give a ValidationSet instead.", nameof(input));
        }

        using var source = new DataViewBatchSource(input, layout, _seed);
        model.CalibrateInitialization(source.Inspect(CalibrationRows, StandardizesConditioning(layout), _options.Standardize, cancellationToken));
        TrainingSet? validation = ReadValidation(layout, source.Standardization, cancellationToken);
        new TrainingLoop(MakeTrainingOptions(0)).Fit(model, source, validation, progress, cancellationToken);
        return (source.Standardization, source.SeenKeys is { } seen ? LearnedKeyIndices(seen, layout.ConditioningKeyCount) : null);
    }

    private TrainingSet? ReadValidation(HypernetworkColumnLayout layout, InputStandardization standardization, CancellationToken cancellationToken) =>
        _options.ValidationSet is null ? null : TrainingDataReader.Read(_options.ValidationSet, layout, "validation", standardization, cancellationToken);

    private bool StandardizesConditioning(HypernetworkColumnLayout layout) => _options.Standardize && layout.ConditioningKeyCount == 0;

    private TrainingOptions MakeTrainingOptions(float validationFraction) => new()
    {
        Backend = _options.Backend is { } backend ? WithHostDevice(backend) : TrainingBackend.Managed,
        Epochs = _options.Epochs,
        BatchSize = _options.BatchSize,
        LearningRate = _options.LearningRate,
        WeightDecay = _options.WeightDecay,
        GradientClipNorm = _options.GradientClipNorm,
        ValidationFraction = validationFraction,
        EarlyStoppingPatience = _options.EarlyStoppingPatience,
        Seed = (ulong)_seed,
    };

    private TrainingBackend WithHostDevice(TrainingBackend backend)
    {
        (int? gpuDeviceId, bool fallbackToCpu) = HostDevice.Of(_environment);
        return backend.WithHostDevice(gpuDeviceId, fallbackToCpu);
    }

    private HypernetworkSpec MakeSpec(HypernetworkColumnLayout layout)
    {
        List<(int In, int Out)> layers = TargetLayers(layout);
        long targetParameters = layers.Sum(l => ((long)l.In * l.Out) + l.Out);
        bool key = layout.ConditioningKeyCount > 0;
        return new HypernetworkSpec
        {
            ConditioningSize = layout.ConditioningSize,
            InputSize = layout.FeatureSize,
            TargetLayerSizes = layers,
            HiddenSizes = [.. _options.HiddenSizes],
            Activation = _options.Activation,
            GeneratorActivation = _options.GeneratorActivation,
            Generator = _options.Generator,
            Encoder = key ? ConditioningEncoderKind.Embedding : ConditioningEncoderKind.Dense,
            EmbeddingCount = key ? (int)layout.ConditioningKeyCount : 0,
            EmbeddingSize = _options.EmbeddingSize,
            ChunkSize = _options.ChunkSize > 0 ? _options.ChunkSize : (int)Math.Min(MaxChunkSize, targetParameters),
            Rank = _options.Rank,
            Task = layout.Task,
        };
    }

    private List<(int In, int Out)> TargetLayers(HypernetworkColumnLayout layout)
    {
        int outputs = layout.OutputSize;
        if (_options.TargetLayerSizes is { } given)
        {
            if (given.Count == 0)
            {
                throw new ArgumentException("HypernetworkTrainer.Options.TargetLayerSizes is empty; give at least one (in, out) layer, or set it to null and use TargetHiddenSizes.", "options");
            }

            if (given[0].In != layout.FeatureSize)
            {
                throw new ArgumentException($"HypernetworkTrainer.Options.TargetLayerSizes starts with a layer reading {given[0].In} inputs, but feature column '{layout.FeatureColumnName}' holds {layout.FeatureSize} values.", "options");
            }

            if (given[^1].Out != outputs)
            {
                throw new ArgumentException($"HypernetworkTrainer.Options.TargetLayerSizes ends with a layer emitting {given[^1].Out} outputs, but the {layout.Task} task needs {outputs}{(layout.Task == HypernetworkTask.MulticlassClassification ? $" (one per class of label '{layout.LabelColumnName}')" : string.Empty)}.", "options");
            }

            return [.. given];
        }

        var layers = new List<(int In, int Out)>();
        int previous = layout.FeatureSize;
        foreach (int width in _options.TargetHiddenSizes)
        {
            layers.Add((previous, width));
            previous = width;
        }

        layers.Add((previous, outputs));
        return layers;
    }

    private static int ClassCount(DataViewSchema.Column label)
    {
        ulong count = ((KeyDataViewType)label.Type).Count;
        if (count < 2 || count > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException("input", $"Label column '{label.Name}' is a key with {count} values; multiclass classification needs between 2 and {int.MaxValue} classes.");
        }

        return (int)count;
    }

    private void CheckKeyCount(ulong keyCount)
    {
        if (keyCount > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException("input", $"Conditioning column '{_options.ConditioningColumnName}' is a key with {keyCount} values; at most {int.MaxValue} are supported.");
        }
    }

    private static void CheckOptions(Options options)
    {
        Require(!string.IsNullOrEmpty(options.ConditioningColumnName), nameof(Options.ConditioningColumnName), "is empty; name the conditioning column");
        Require(!string.IsNullOrEmpty(options.FeatureColumnName), nameof(Options.FeatureColumnName), "is empty; name the feature column");
        Require(!string.IsNullOrEmpty(options.LabelColumnName), nameof(Options.LabelColumnName), "is empty; name the label column");
        Require(options.HiddenSizes is not null && options.HiddenSizes.All(s => s > 0), nameof(Options.HiddenSizes), "must be a list of positive widths");
        Require(options.TargetHiddenSizes is not null && options.TargetHiddenSizes.All(s => s > 0), nameof(Options.TargetHiddenSizes), "must be a list of positive widths");
        Require(options.Epochs > 0, nameof(Options.Epochs), $"is {options.Epochs}; it must be positive");
        Require(options.BatchSize > 0, nameof(Options.BatchSize), $"is {options.BatchSize}; it must be positive");
        Require(options.LearningRate > 0 && float.IsFinite(options.LearningRate), nameof(Options.LearningRate), $"is {options.LearningRate}; it must be positive and finite");
        Require(options.WeightDecay >= 0 && float.IsFinite(options.WeightDecay), nameof(Options.WeightDecay), $"is {options.WeightDecay}; it must be non-negative");
        Require(options.ValidationFraction is >= 0 and < 1, nameof(Options.ValidationFraction), $"is {options.ValidationFraction}; it must be in [0, 1)");
        Require(options.EarlyStoppingPatience >= 0, nameof(Options.EarlyStoppingPatience), $"is {options.EarlyStoppingPatience}; it must be non-negative (0 = off)");
        Require(options.ChunkSize >= 0, nameof(Options.ChunkSize), $"is {options.ChunkSize}; it must be non-negative (0 = automatic)");
        Require(options.EmbeddingSize > 0, nameof(Options.EmbeddingSize), $"is {options.EmbeddingSize}; it must be positive");
        Require(options.ContinualRegularization >= 0 && float.IsFinite(options.ContinualRegularization), nameof(Options.ContinualRegularization), $"is {options.ContinualRegularization}; it must be non-negative and finite");
        Require(Enum.IsDefined(options.ContinualTargets), nameof(Options.ContinualTargets), $"is {options.ContinualTargets}, not a known kind");
        Require(options.NumberOfThreads is null or (>= 1 and <= 64), nameof(Options.NumberOfThreads), $"is {options.NumberOfThreads}; it must be between 1 and 64, or null for the engine's setting");
    }

    private static void Require(bool condition, string option, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException("options", $"HypernetworkTrainer.Options.{option} {message}.");
        }
    }
}
