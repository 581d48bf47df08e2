using Hypernetworks.Layers;

namespace Hypernetworks.Model;

/// <summary>
/// The shape of a hypernetwork: the conditioning it reads, the target network it generates, and how it generates
/// it. <see cref="Validate"/> checks it; every <see cref="Hypernetwork"/> constructor calls it.
/// </summary>
public sealed class HypernetworkSpec
{
    /// <summary>Default generator hidden sizes.</summary>
    public static readonly IReadOnlyList<int> DefaultHiddenSizes = [256, 256];

    /// <summary>Default widths of the DeepSets encoder's φ layers.</summary>
    public static readonly IReadOnlyList<int> DefaultSetHiddenSizes = [256, 128];

    /// <summary>Default width of the DeepSets encoder's ρ output per class.</summary>
    public const int DefaultSetEmbeddingSize = 32;

    /// <summary>Width of a conditioning row (1 for <see cref="ConditioningEncoderKind.Embedding"/>: the key).</summary>
    public int ConditioningSize { get; init; }

    /// <summary>Width of a data row: the target network's input.</summary>
    public int InputSize { get; init; }

    /// <summary>(in, out) per target layer; consecutive layers must chain and the first in must equal <see cref="InputSize"/>.</summary>
    public IReadOnlyList<(int In, int Out)> TargetLayerSizes { get; init; } = [];

    /// <summary>Hidden layer widths of the generator MLP (its trunk); may be empty except for <see cref="GeneratorKind.Chunked"/>.</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = DefaultHiddenSizes;

    /// <summary>Activation between target layers (none after the last).</summary>
    public Activation Activation { get; init; } = Activation.Relu;

    /// <summary>Activation after each generator hidden layer.</summary>
    public Activation GeneratorActivation { get; init; } = Activation.Relu;

    /// <summary>The generator kind.</summary>
    public GeneratorKind Generator { get; init; } = GeneratorKind.SharedTrunk;

    /// <summary>The conditioning encoder.</summary>
    public ConditioningEncoderKind Encoder { get; init; } = ConditioningEncoderKind.Dense;

    /// <summary>Number of keys of the <see cref="ConditioningEncoderKind.Embedding"/> encoder (keys are 0 … count − 1).</summary>
    public int EmbeddingCount { get; init; }

    /// <summary>Width of an embedding row (the generator input z) for <see cref="ConditioningEncoderKind.Embedding"/>.</summary>
    public int EmbeddingSize { get; init; } = 16;

    /// <summary>Classes per support set (N of N-way), for the few-shot encoders (<see cref="IsSetEncoder"/>).</summary>
    public int Ways { get; init; }

    /// <summary>Examples per class in a conditioning row (K of K-shot), for the few-shot encoders.</summary>
    public int Shots { get; init; }

    /// <summary>Widths of the DeepSets encoder's φ layers (ReLU after each); the last is the pooled width.</summary>
    public IReadOnlyList<int> SetHiddenSizes { get; init; } = DefaultSetHiddenSizes;

    /// <summary>Width of ρ's output per class for the DeepSets encoder; z is <see cref="Ways"/> of them.</summary>
    public int SetEmbeddingSize { get; init; } = DefaultSetEmbeddingSize;

    /// <summary>True for the few-shot encoders, whose conditioning row is a support set.</summary>
    public bool IsSetEncoder => Encoder is ConditioningEncoderKind.Prototypes or ConditioningEncoderKind.SupportMean or ConditioningEncoderKind.DeepSets;

    /// <summary>Generated parameters per chunk, for <see cref="GeneratorKind.Chunked"/>.</summary>
    public int ChunkSize { get; init; } = 1024;

    /// <summary>Width of the learned chunk embedding, for <see cref="GeneratorKind.Chunked"/>.</summary>
    public int ChunkEmbeddingSize { get; init; } = 16;

    /// <summary>Rank r of W = U·Vᵀ, for <see cref="GeneratorKind.LowRank"/>; a layer narrower than r uses min(r, in, out).</summary>
    public int Rank { get; init; } = 4;

    /// <summary>For <see cref="GeneratorKind.LowRank"/>: add a learned, condition-independent base W₀ to every U·Vᵀ.</summary>
    public bool LowRankBase { get; init; }

    /// <summary>The initialisation of the generator heads.</summary>
    public InitializationScheme Initialization { get; init; } = InitializationScheme.HyperfanIn;

    /// <summary>
    /// For every generator kind: scale the trunk's last layer at initialisation so the heads' input e has unit mean
    /// squared norm (instead of unit variance per unit; for <see cref="GeneratorKind.Chunked"/>, averaged over the
    /// chunks). Adam moves each generated weight by about
    /// lr·Σ|eᵢ| per step, so this slows the generated weights to a few learning rates per step, as a directly trained
    /// network's; it helps wide conditioning with a wide trunk (few-shot prototypes), and slows small problems.
    /// The heads' hyperfan variance is unchanged. Initialisation and <see cref="Hypernetwork.CalibrateInitialization"/> read it; <see cref="Hypernetwork.Save"/> keeps it with the spec (the ML.NET trainer does not set it, and its model archive does not keep it).
    /// </summary>
    public bool NormalizeTrunkOutput { get; init; }

    /// <summary>
    /// For the headed generators' full-matrix heads (<see cref="GeneratorKind.PerLayer"/>,
    /// <see cref="GeneratorKind.SharedTrunk"/>): the fraction of the hyperfan variance given at initialisation to the
    /// heads' biases, the condition-independent part of every generated tensor; the heads' weights get the rest, so the
    /// total variance at step 0 is unchanged. In [0, 1); 0 (default) makes the generated weights entirely
    /// condition-dependent at step 0. A large fraction starts from one shared random target network modulated by
    /// the condition, as PyTorch's default nn.Linear init of the heads does (its bias term dominates), which helps
    /// when the conditions are similar to each other (few-shot prototypes). Only initialisation reads it; <see cref="Hypernetwork.Save"/> keeps it with the spec (the ML.NET trainer does not set it, and its model archive does not keep it).
    /// </summary>
    public float SharedWeightFraction { get; init; }

    /// <summary>
    /// For the <see cref="ConditioningEncoderKind.DeepSets"/> encoder with a linear target (one layer): above 0 it
    /// turns on the prototype path, in which each generated row starts as the class's prototype in a metric fitted
    /// in closed form to the meta-training classes (<see cref="Hypernetwork.FitSetMetric"/>) and meta-training learns a
    /// correction from ρ; the value is the metric's shrinkage towards the plain inputs (λ over the mean within-class
    /// variance; 20 measured best on Fashion-MNIST's novel classes, with 10 to 50 within a point). 0 (the default)
    /// generates the classifier from ρ alone, through <see cref="Generator"/>.
    /// </summary>
    public float SetMetricShrinkage { get; init; }

    /// <summary>The widest input the prototype path's metric takes (its T is InputSize² floats: 256 MB at this width).</summary>
    public const int MaxMetricWidth = 8192;

    /// <summary>Whether the DeepSets prototype path is on (<see cref="SetMetricShrinkage"/> above 0).</summary>
    public bool HasPrototypePath => Encoder == ConditioningEncoderKind.DeepSets && SetMetricShrinkage > 0;

    /// <summary>The task, which fixes loss and label format.</summary>
    public HypernetworkTask Task { get; init; } = HypernetworkTask.Regression;

    /// <summary>
    /// Upper bound on generated floats held at once for a batch; above it the batch's groups are processed in
    /// slices. At least one group's parameters are always held.
    /// </summary>
    public long MaxGeneratedFloats { get; init; } = 1L << 26;

    /// <summary>The target network's output width (the last layer's out).</summary>
    public int OutputSize => TargetLayerSizes.Count == 0 ? 0 : TargetLayerSizes[^1].Out;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that is out of range or inconsistent.</summary>
    public void Validate()
    {
        if (Encoder == ConditioningEncoderKind.Embedding)
        {
            Require(ConditioningSize == 1, nameof(ConditioningSize), $"is {ConditioningSize}; the Embedding encoder reads one key column, so it must be 1");
            Require(EmbeddingCount > 0, nameof(EmbeddingCount), $"is {EmbeddingCount}; the Embedding encoder needs the number of keys (> 0)");
            Require(EmbeddingSize > 0, nameof(EmbeddingSize), $"is {EmbeddingSize}; it must be positive");
        }
        else
        {
            Require(ConditioningSize > 0, nameof(ConditioningSize), $"is {ConditioningSize}; it must be positive");
        }

        if (IsSetEncoder)
        {
            ValidateSetEncoder();
        }

        Require(InputSize > 0, nameof(InputSize), $"is {InputSize}; it must be positive");
        Require(TargetLayerSizes is { Count: > 0 }, nameof(TargetLayerSizes), "is empty; the target network needs at least one layer");
        for (int l = 0; l < TargetLayerSizes.Count; l++)
        {
            (int input, int output) = TargetLayerSizes[l];
            Require(input > 0 && output > 0, nameof(TargetLayerSizes), $"layer {l} is ({input}, {output}); both sizes must be positive");
            if (l == 0)
            {
                Require(input == InputSize, nameof(TargetLayerSizes), $"layer 0 reads {input} inputs but InputSize is {InputSize}; they must be equal");
            }
            else
            {
                int previous = TargetLayerSizes[l - 1].Out;
                Require(input == previous, nameof(TargetLayerSizes), $"layer {l} reads {input} inputs but layer {l - 1} emits {previous}; consecutive layers must chain");
            }
        }

        Require(HiddenSizes is not null, nameof(HiddenSizes), "is null");
        for (int i = 0; i < HiddenSizes!.Count; i++)
        {
            Require(HiddenSizes[i] > 0, nameof(HiddenSizes), $"entry {i} is {HiddenSizes[i]}; hidden sizes must be positive");
        }

        ValidatePrototypePath();
        Require(Enum.IsDefined(Activation), nameof(Activation), $"is {Activation}, not a known activation");
        Require(Enum.IsDefined(GeneratorActivation), nameof(GeneratorActivation), $"is {GeneratorActivation}, not a known activation");
        Require(Enum.IsDefined(Generator), nameof(Generator), $"is {Generator}, not a known generator kind");
        Require(Enum.IsDefined(Initialization), nameof(Initialization), $"is {Initialization}, not a known scheme");
        Require(Enum.IsDefined(Task), nameof(Task), $"is {Task}, not a known task");
        Require(SharedWeightFraction is >= 0f and < 1f, nameof(SharedWeightFraction), $"is {SharedWeightFraction}; it must be in [0, 1)");
        Require(MaxGeneratedFloats > 0, nameof(MaxGeneratedFloats), $"is {MaxGeneratedFloats}; it must be positive");
        if (Task == HypernetworkTask.MulticlassClassification)
        {
            Require(OutputSize >= 2, nameof(TargetLayerSizes), $"ends with {OutputSize} outputs; multiclass classification needs one output per class (at least 2)");
        }

        switch (Generator)
        {
            case GeneratorKind.Chunked:
                Require(HiddenSizes.Count > 0, nameof(HiddenSizes), "is empty; the Chunked generator's trunk needs at least one hidden layer to mix z with the chunk embedding");
                Require(ChunkSize > 0, nameof(ChunkSize), $"is {ChunkSize}; it must be positive");
                Require(ChunkEmbeddingSize > 0, nameof(ChunkEmbeddingSize), $"is {ChunkEmbeddingSize}; it must be positive");
                long total = TargetParameterCount();
                Require(ChunkSize <= total, nameof(ChunkSize), $"is {ChunkSize}, more than the {total} target parameters; use at most {total}");
                break;
            case GeneratorKind.LowRank:
                int limit = TargetLayerSizes.Max(s => Math.Min(s.In, s.Out));
                Require(Rank > 0 && Rank <= limit, nameof(Rank), $"is {Rank}; it must be in [1, {limit}] (no target layer has a larger min(in, out), so a larger rank only adds parameters)");
                break;
            default:
                break;
        }
    }

    private void ValidateSetEncoder()
    {
        Require(Ways >= 2, nameof(Ways), $"is {Ways}; the {Encoder} encoder needs at least 2 classes per support set");
        Require(Shots >= 1, nameof(Shots), $"is {Shots}; the {Encoder} encoder needs at least 1 example per class");
        Require(Task == HypernetworkTask.MulticlassClassification, nameof(Task), $"is {Task}; the {Encoder} encoder classifies into the support set's classes, so it must be MulticlassClassification");
        Require(OutputSize == Ways, nameof(TargetLayerSizes), $"ends with {OutputSize} outputs; the {Encoder} encoder needs one output per support class ({Ways})");
        Require((long)Ways * Shots * InputSize == ConditioningSize, nameof(ConditioningSize), $"is {ConditioningSize}; the {Encoder} encoder reads a support set of {Ways} × {Shots} examples of {InputSize} values, so it must be {(long)Ways * Shots * InputSize}");
        if (Encoder == ConditioningEncoderKind.DeepSets)
        {
            Require(SetHiddenSizes is { Count: > 0 }, nameof(SetHiddenSizes), "is empty; the DeepSets encoder's φ needs at least one layer");
            for (int i = 0; i < SetHiddenSizes!.Count; i++)
            {
                Require(SetHiddenSizes[i] > 0, nameof(SetHiddenSizes), $"entry {i} is {SetHiddenSizes[i]}; sizes must be positive");
            }

            Require(SetEmbeddingSize > 0, nameof(SetEmbeddingSize), $"is {SetEmbeddingSize}; it must be positive");
        }
    }

    private void ValidatePrototypePath()
    {
        Require(float.IsFinite(SetMetricShrinkage) && SetMetricShrinkage >= 0, nameof(SetMetricShrinkage), $"is {SetMetricShrinkage}; it must be 0 (off) or positive");
        if (SetMetricShrinkage > 0)
        {
            Require(Encoder == ConditioningEncoderKind.DeepSets, nameof(SetMetricShrinkage), $"is {SetMetricShrinkage}, but the prototype path is the DeepSets encoder's and the encoder is {Encoder}; set it to 0");
            Require(TargetLayerSizes.Count == 1, nameof(TargetLayerSizes), $"has {TargetLayerSizes.Count} layers; the DeepSets prototype path (SetMetricShrinkage > 0) generates a linear classifier, one layer");
            Require(InputSize <= MaxMetricWidth, nameof(InputSize), $"is {InputSize}; the DeepSets prototype path's metric holds InputSize² values, so it takes at most {MaxMetricWidth} features (reduce them first, for example to principal components, or set SetMetricShrinkage to 0)");
            Require(Generator == GeneratorKind.SharedTrunk, nameof(Generator), $"is {Generator}; the DeepSets prototype path (SetMetricShrinkage > 0) has its own class-wise generator, so leave it SharedTrunk");
            Require(HiddenSizes.Count == 0, nameof(HiddenSizes), $"has {HiddenSizes.Count} entries; the DeepSets prototype path (SetMetricShrinkage > 0) has its own class-wise generator, with no hidden layers");
            Require(SharedWeightFraction == 0, nameof(SharedWeightFraction), $"is {SharedWeightFraction}; the DeepSets prototype path (SetMetricShrinkage > 0) starts every row at its class's prototype, with nothing shared to initialise");
        }
    }

    /// <summary>A copy of this spec with <see cref="EmbeddingCount"/> set to <paramref name="count"/>.</summary>
    internal HypernetworkSpec WithEmbeddingCount(int count) => new()
    {
        ConditioningSize = ConditioningSize,
        InputSize = InputSize,
        TargetLayerSizes = TargetLayerSizes,
        HiddenSizes = HiddenSizes,
        Activation = Activation,
        GeneratorActivation = GeneratorActivation,
        Generator = Generator,
        Encoder = Encoder,
        EmbeddingCount = count,
        EmbeddingSize = EmbeddingSize,
        ChunkSize = ChunkSize,
        ChunkEmbeddingSize = ChunkEmbeddingSize,
        Rank = Rank,
        LowRankBase = LowRankBase,
        Initialization = Initialization,
        NormalizeTrunkOutput = NormalizeTrunkOutput,
        SharedWeightFraction = SharedWeightFraction,
        Task = Task,
        MaxGeneratedFloats = MaxGeneratedFloats,
        Ways = Ways,
        Shots = Shots,
        SetHiddenSizes = SetHiddenSizes,
        SetEmbeddingSize = SetEmbeddingSize,
        SetMetricShrinkage = SetMetricShrinkage,
    };

    /// <summary>The number of weights and biases of the (dense) target network.</summary>
    public long TargetParameterCount() => TargetLayerSizes.Sum(s => ((long)s.In * s.Out) + s.Out);

    private static void Require(bool condition, string option, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"HypernetworkSpec.{option} {message}.", option);
        }
    }
}
