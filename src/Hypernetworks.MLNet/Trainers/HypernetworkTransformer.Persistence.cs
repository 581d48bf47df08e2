using Hypernetworks.Layers;
using Hypernetworks.MLNet.Trainers;
using Hypernetworks.Model;
using Hypernetworks.Tensors;

namespace Hypernetworks.MLNet;

public sealed partial class HypernetworkTransformer
{
    /// <summary>The type name of its model file component.</summary>
    public const string ModelTypeName = "HypernetworkTransformer";

    private const string ChunkScaleEntry = "generator.chunk_scale";
    private const string LabelKeyValuesEntry = "label.key_values";

    /// <inheritdoc />
    public override IEnumerable<ModelComponent> GetModelComponents() => [new ModelComponent(ModelTypeName, Save)];

    /// <summary>Rebuilds the transformer from its saved state, checking every size against the saved tensors before building.</summary>
    internal static ITransformer Load(ModelLoadContext context)
    {
        HypernetworkTransformerState state = context.GetOptions<HypernetworkTransformerState>();
        HypernetworkColumnLayout layout = LoadLayout(state);
        HypernetworkSpec spec = LoadSpec(state, layout);
        CheckSizesAgainstEntries(context, state, spec);
        var model = new Hypernetwork(spec);
        try
        {
            LoadTensors(context, state, model);
            LabelKeyValues? keyValues = state.LabelKeyValueType is { } type ? LabelKeyValues.Load(type, context.GetStrings(LabelKeyValuesEntry)) : null;
            if (keyValues is not null && keyValues.Values.Count != layout.ClassCount)
            {
                throw new FormatException($"The label has {layout.ClassCount} classes but {keyValues.Values.Count} key values were saved.");
            }

            return new HypernetworkTransformer(model, layout, keyValues);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private void Save(ModelSaveContext context)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            HypernetworkSpec spec = Model.Spec;
            context.SetOptions(new HypernetworkTransformerState
            {
                Task = (int)_layout.Task,
                ConditioningColumnName = _layout.ConditioningColumnName,
                FeatureColumnName = _layout.FeatureColumnName,
                LabelColumnName = _layout.LabelColumnName,
                ConditioningSize = _layout.ConditioningSize,
                ConditioningKeyCount = _layout.ConditioningKeyCount,
                FeatureSize = _layout.FeatureSize,
                ClassCount = _layout.ClassCount,
                HiddenSizes = [.. spec.HiddenSizes],
                TargetLayerSizes = [.. spec.TargetLayerSizes.SelectMany(l => new[] { l.In, l.Out })],
                Activation = (int)spec.Activation,
                GeneratorActivation = (int)spec.GeneratorActivation,
                Generator = (int)spec.Generator,
                Encoder = (int)spec.Encoder,
                EmbeddingCount = spec.EmbeddingCount,
                EmbeddingSize = spec.EmbeddingSize,
                ChunkSize = spec.ChunkSize,
                ChunkEmbeddingSize = spec.ChunkEmbeddingSize,
                Rank = spec.Rank,
                LowRankBase = spec.LowRankBase,
                Initialization = (int)spec.Initialization,
                MaxGeneratedFloats = spec.MaxGeneratedFloats,
                ParameterNames = [.. Model.Parameters.Select(p => p.Name)],
                LabelKeyValueType = _labelKeyValues?.ItemTypeName,
            });
            for (int i = 0; i < Model.Parameters.Count; i++)
            {
                Parameter parameter = Model.Parameters[i];
                context.AddTensor(ParameterEntry(i), parameter.Value.Span, [.. parameter.Shape]);
            }

            if (Model.ChunkScale is { } scale)
            {
                context.AddTensor(ChunkScaleEntry, scale, scale.Length);
            }

            if (_labelKeyValues is not null)
            {
                context.AddStrings(LabelKeyValuesEntry, _labelKeyValues.Values);
            }
        }
    }

    private static string ParameterEntry(int index) => $"parameter.{index}";

    private static HypernetworkColumnLayout LoadLayout(HypernetworkTransformerState state)
    {
        HypernetworkTask task = Defined<HypernetworkTask>(state.Task, nameof(state.Task));
        Check(!string.IsNullOrEmpty(state.ConditioningColumnName) && !string.IsNullOrEmpty(state.FeatureColumnName) && !string.IsNullOrEmpty(state.LabelColumnName),
            "a column name is empty");
        Check(state.ConditioningSize > 0 && state.FeatureSize > 0, $"the conditioning size {state.ConditioningSize} and feature size {state.FeatureSize} must be positive");
        Check(state.ConditioningKeyCount <= int.MaxValue && (state.ConditioningKeyCount == 0 || state.ConditioningSize == 1),
            $"conditioning key count {state.ConditioningKeyCount} does not fit a conditioning size of {state.ConditioningSize}");
        Check(task == HypernetworkTask.MulticlassClassification ? state.ClassCount >= 2 : state.ClassCount == 0,
            $"class count {state.ClassCount} does not fit the {task} task");
        return new HypernetworkColumnLayout(state.ConditioningColumnName, state.FeatureColumnName, state.LabelColumnName, task,
            state.ConditioningSize, state.ConditioningKeyCount, state.FeatureSize, state.ClassCount);
    }

    private static HypernetworkSpec LoadSpec(HypernetworkTransformerState state, HypernetworkColumnLayout layout)
    {
        Check(state.TargetLayerSizes.Length > 0 && state.TargetLayerSizes.Length % 2 == 0, "the target layer sizes are not a list of (in, out) pairs");
        var spec = new HypernetworkSpec
        {
            ConditioningSize = state.ConditioningSize,
            InputSize = state.FeatureSize,
            TargetLayerSizes = [.. state.TargetLayerSizes.Chunk(2).Select(p => (p[0], p[1]))],
            HiddenSizes = state.HiddenSizes,
            Activation = Defined<Activation>(state.Activation, nameof(state.Activation)),
            GeneratorActivation = Defined<Activation>(state.GeneratorActivation, nameof(state.GeneratorActivation)),
            Generator = Defined<GeneratorKind>(state.Generator, nameof(state.Generator)),
            Encoder = Defined<ConditioningEncoderKind>(state.Encoder, nameof(state.Encoder)),
            EmbeddingCount = state.EmbeddingCount,
            EmbeddingSize = state.EmbeddingSize,
            ChunkSize = state.ChunkSize,
            ChunkEmbeddingSize = state.ChunkEmbeddingSize,
            Rank = state.Rank,
            LowRankBase = state.LowRankBase,
            Initialization = Defined<InitializationScheme>(state.Initialization, nameof(state.Initialization)),
            MaxGeneratedFloats = state.MaxGeneratedFloats,
            Task = layout.Task,
        };
        spec.Validate();
        bool key = layout.ConditioningKeyCount > 0;
        Check(spec.Encoder == (key ? ConditioningEncoderKind.Embedding : ConditioningEncoderKind.Dense) && (!key || (ulong)spec.EmbeddingCount == layout.ConditioningKeyCount),
            $"the {spec.Encoder} encoder does not fit the conditioning column's layout");
        Check(spec.OutputSize == layout.OutputSize, $"the target network emits {spec.OutputSize} outputs; the {layout.Task} task needs {layout.OutputSize}");
        return spec;
    }

    /// <summary>
    /// Bounds what building the spec allocates by what the file holds: the generated parameters, the generator's widths
    /// and the embedding table all have saved tensors at least as large, so a hostile spec is refused before it allocates.
    /// </summary>
    private static void CheckSizesAgainstEntries(ModelLoadContext context, HypernetworkTransformerState state, HypernetworkSpec spec)
    {
        long saved = 0;
        for (int i = 0; i < state.ParameterNames.Length; i++)
        {
            saved += context.GetTensorShape(ParameterEntry(i)).Aggregate(1L, (a, d) => a * d);
        }

        if (context.HasEntry(ChunkScaleEntry))
        {
            saved += context.GetTensorShape(ChunkScaleEntry).Aggregate(1L, (a, d) => a * d);
        }

        long generated = spec.Generator == GeneratorKind.LowRank
            ? spec.TargetLayerSizes.Sum(l => ((long)Math.Min(spec.Rank, Math.Min(l.In, l.Out)) * (l.In + l.Out)) + l.Out)
            : spec.TargetParameterCount();
        long embedding = spec.Encoder == ConditioningEncoderKind.Embedding ? (long)spec.EmbeddingCount * spec.EmbeddingSize : 0;
        long widths = spec.HiddenSizes.Sum(h => (long)h) + spec.ConditioningSize;
        Check(generated <= saved && embedding <= saved && widths <= saved,
            $"the spec needs more parameters ({Math.Max(generated, Math.Max(embedding, widths))}) than the {saved} values saved");
    }

    private static void LoadTensors(ModelLoadContext context, HypernetworkTransformerState state, Hypernetwork model)
    {
        Check(state.ParameterNames.Length == model.Parameters.Count, $"{state.ParameterNames.Length} parameters were saved; the spec has {model.Parameters.Count}");
        for (int i = 0; i < model.Parameters.Count; i++)
        {
            Parameter parameter = model.Parameters[i];
            Check(state.ParameterNames[i] == parameter.Name, $"parameter {i} is '{state.ParameterNames[i]}'; the spec's is '{parameter.Name}'");
            CopyFinite(context.GetTensor(ParameterEntry(i), [.. parameter.Shape]), parameter.Value.Span, parameter.Name);
        }

        if (model.ChunkScale is { } scale)
        {
            CopyFinite(context.GetTensor(ChunkScaleEntry, scale.Length), scale, ChunkScaleEntry);
        }
    }

    private static void CopyFinite(float[] values, Span<float> destination, string name)
    {
        int bad = Array.FindIndex(values, v => !float.IsFinite(v));
        Check(bad < 0, $"tensor '{name}' holds a non-finite value at {bad}");
        values.CopyTo(destination);
    }

    private static T Defined<T>(int value, string name)
        where T : struct, Enum
    {
        T result = (T)(object)value;
        Check(Enum.IsDefined(result), $"{name} is {value}, not a known {typeof(T).Name}");
        return result;
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new FormatException($"The saved hypernetwork is not valid: {message}.");
        }
    }
}
