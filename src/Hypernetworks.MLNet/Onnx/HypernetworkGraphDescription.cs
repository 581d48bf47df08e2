using Hypernetworks.Model;

namespace Hypernetworks.MLNet.Onnx;

/// <summary>
/// What an exported hypernetwork graph needs besides the core model: the ML.NET columns it reads (its ONNX inputs are
/// named after them), the standardisation of features and conditioning, and the label's classes. It is kept in the
/// graph's metadata_props (the means and scales as initializers).
/// </summary>
internal sealed record HypernetworkGraphDescription
{
    /// <summary>The task, which fixes the graph's outputs; it must equal the spec's.</summary>
    public HypernetworkTask Task { get; init; }

    /// <summary>The conditioning column (a known-size vector of Single, or a key when <see cref="ConditioningKeyCount"/> is positive).</summary>
    public string ConditioningColumnName { get; init; } = "";

    /// <summary>The feature column (a known-size vector of Single, or a Single).</summary>
    public string FeatureColumnName { get; init; } = "";

    /// <summary>The label column the model was trained on (kept for the loader; the graph does not read it).</summary>
    public string LabelColumnName { get; init; } = "";

    /// <summary>Width of the conditioning column (1 for a key).</summary>
    public int ConditioningSize { get; init; }

    /// <summary>The number of values of a key conditioning column (ML.NET keys 1 … count), or 0 for a dense one.</summary>
    public int ConditioningKeyCount { get; init; }

    /// <summary>Width of the feature column (1 for a Single).</summary>
    public int FeatureSize { get; init; }

    /// <summary>The number of classes of a multiclass model, else 0.</summary>
    public int ClassCount { get; init; }

    /// <summary>Per-slot mean subtracted from the conditioning, or null (no standardisation; always null for a key).</summary>
    public float[]? ConditioningMean { get; init; }

    /// <summary>Per-slot factor applied after subtracting <see cref="ConditioningMean"/> (the inverse standard deviation), or null.</summary>
    public float[]? ConditioningScale { get; init; }

    /// <summary>Per-slot mean subtracted from the features, or null.</summary>
    public float[]? FeatureMean { get; init; }

    /// <summary>Per-slot factor applied after subtracting <see cref="FeatureMean"/>, or null.</summary>
    public float[]? FeatureScale { get; init; }

    /// <summary>For multiclass: the label's key values as invariant text, key 1 first (the Score slot names), or null.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>For multiclass with <see cref="ClassNames"/>: the .NET name of the key values' type ("String", "Single", "Int32", …).</summary>
    public string? LabelKeyValueType { get; init; }

    /// <summary>
    /// For a key conditioning column: the zero-based keys the model has learned, ascending, when it has not learned
    /// every key of its table (a continual model); null when it has.
    /// </summary>
    public IReadOnlyList<int>? LearnedKeys { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field inconsistent with <paramref name="spec"/> or with itself.</summary>
    public void Validate(HypernetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Require(Task == spec.Task, nameof(Task), $"is {Task} but the spec's task is {spec.Task}");
        Require(!string.IsNullOrEmpty(ConditioningColumnName), nameof(ConditioningColumnName), "is empty");
        Require(!string.IsNullOrEmpty(FeatureColumnName), nameof(FeatureColumnName), "is empty");
        Require(ConditioningColumnName != FeatureColumnName, nameof(FeatureColumnName), $"is '{FeatureColumnName}', the conditioning column too; they must differ");
        Require(FeatureSize == spec.InputSize, nameof(FeatureSize), $"is {FeatureSize} but the spec reads {spec.InputSize} features");
        Require(ConditioningSize == spec.ConditioningSize, nameof(ConditioningSize), $"is {ConditioningSize} but the spec reads {spec.ConditioningSize} conditioning values");
        switch (spec.Encoder)
        {
            case ConditioningEncoderKind.Embedding:
                Require(ConditioningKeyCount == spec.EmbeddingCount, nameof(ConditioningKeyCount), $"is {ConditioningKeyCount} but the spec's embedding table has {spec.EmbeddingCount} keys");
                Require(ConditioningMean is null && ConditioningScale is null, nameof(ConditioningMean), "is set for a key conditioning column; a key is not standardised");
                break;
            case ConditioningEncoderKind.Dense:
                Require(ConditioningKeyCount == 0, nameof(ConditioningKeyCount), $"is {ConditioningKeyCount} for a dense conditioning column; it must be 0");
                break;
            default:
                throw new ArgumentException($"The spec's encoder is {spec.Encoder}; only the Dense and Embedding encoders can be exported to ONNX.", nameof(spec));
        }

        if (LearnedKeys is not null)
        {
            Require(spec.Encoder == ConditioningEncoderKind.Embedding, nameof(LearnedKeys), "is set for a dense conditioning column; only a key column has learned keys");
            for (int i = 0; i < LearnedKeys.Count; i++)
            {
                Require(LearnedKeys[i] >= 0 && LearnedKeys[i] < ConditioningKeyCount && (i == 0 || LearnedKeys[i] > LearnedKeys[i - 1]), nameof(LearnedKeys), $"entry {i} is {LearnedKeys[i]}; learned keys must be ascending and in [0, {ConditioningKeyCount})");
            }
        }

        CheckStandardization(ConditioningMean, ConditioningScale, ConditioningSize, nameof(ConditioningMean));
        CheckStandardization(FeatureMean, FeatureScale, FeatureSize, nameof(FeatureMean));
        if (Task == HypernetworkTask.MulticlassClassification)
        {
            Require(ClassCount == spec.OutputSize, nameof(ClassCount), $"is {ClassCount} but the target network has {spec.OutputSize} outputs");
            if (ClassNames is not null)
            {
                Require(ClassNames.Count == ClassCount, nameof(ClassNames), $"has {ClassNames.Count} names for {ClassCount} classes");
                Require(ClassNames.Distinct(StringComparer.Ordinal).Count() == ClassNames.Count, nameof(ClassNames), "holds a name twice; class names must be distinct");
                Require(!string.IsNullOrEmpty(LabelKeyValueType), nameof(LabelKeyValueType), "is empty; it names the type of the class values");
            }
        }
        else
        {
            Require(ClassCount == 0 && ClassNames is null, nameof(ClassCount), $"is {ClassCount} with {(ClassNames is null ? "no" : "")} class names for a {Task} model; only multiclass models have classes");
        }
    }

    private static void CheckStandardization(float[]? mean, float[]? scale, int size, string name)
    {
        Require((mean is null) == (scale is null), name, "and its scale must both be set or both be null");
        if (mean is not null)
        {
            Require(mean.Length == size && scale!.Length == size, name, $"has {mean.Length} means and {scale!.Length} scales for {size} values");
            Require(mean.All(float.IsFinite) && scale.All(float.IsFinite), name, "holds a non-finite mean or scale");
        }
    }

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"HypernetworkGraphDescription.{field} {message}.", field);
        }
    }
}
