using Hypernetworks.Cli.Commands;
using Hypernetworks.Cli.Reports;
using Hypernetworks.Cli.Training;
using Hypernetworks.MLNet;
using Hypernetworks.Model;
using Microsoft.ML;

namespace Hypernetworks.Cli.Inspection;

/// <summary>What <c>hypernet inspect</c> shows: the pipeline, the input schema, the hypernetwork's spec and its size against what it generates.</summary>
internal sealed record ModelDescription
{
    /// <summary>Gets the model file.</summary>
    public required string File { get; init; }

    /// <summary>Gets the transformers of the pipeline, in order.</summary>
    public required IReadOnlyList<string> Pipeline { get; init; }

    /// <summary>Gets the input columns and their types.</summary>
    public required IReadOnlyList<(string Name, string Type)> InputSchema { get; init; }

    /// <summary>Gets the hypernetwork's settings as (name, value) pairs.</summary>
    public required IReadOnlyList<(string Name, string Value)> Hypernetwork { get; init; }

    /// <summary>Gets the hypernetwork's trained parameter count.</summary>
    public required long HypernetworkParameters { get; init; }

    /// <summary>Gets the parameter count of one generated target network.</summary>
    public required long GeneratedParameters { get; init; }

    /// <summary>Gets the size sentence.</summary>
    public required string Size { get; init; }

    /// <summary>Describes a loaded model.</summary>
    /// <param name="model">The model.</param>
    public static ModelDescription Of(ModelFile model)
    {
        ArgumentNullException.ThrowIfNull(model);
        HypernetworkTransformer h = model.Hypernetwork;
        HypernetworkSpec spec = h.Model.Spec;
        var size = ModelSize.Of(h);
        return new ModelDescription
        {
            File = model.Path,
            Pipeline = [.. ModelParts.Flatten(model.Model).Select(Describe)],
            InputSchema = [.. model.InputSchema.Where(c => !c.IsHidden).Select(c => (c.Name, c.Type.ToString() ?? string.Empty))],
            Hypernetwork =
            [
                ("Task", h.Task.ToString()),
                ("Conditioning column", h.IsKeyConditioned ? $"{h.ConditioningColumnName} (key, {spec.EmbeddingCount} values, embedding {spec.EmbeddingSize})" : $"{h.ConditioningColumnName} ({spec.ConditioningSize} values)"),
                ("Feature column", $"{h.FeatureColumnName} ({spec.InputSize} values)"),
                ("Label column", h.LabelColumnName),
                ("Standardized inputs", h.IsStandardized ? "yes" : "no"),
                ("Generator", spec.Generator.ToString()),
                ("Generator hidden sizes", "[" + string.Join(", ", spec.HiddenSizes) + "]"),
                ("Generator activation", spec.GeneratorActivation.ToString()),
                ("Target layers", string.Join(" -> ", spec.TargetLayerSizes.Select(l => l.In).Append(spec.OutputSize))),
                ("Target activation", spec.Activation.ToString()),
                ("Encoder", spec.Encoder.ToString()),
                .. spec.Generator switch
                {
                    GeneratorKind.Chunked => [("Chunk size", spec.ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                    GeneratorKind.LowRank => [("Rank", spec.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                    _ => Array.Empty<(string, string)>(),
                },
            ],
            HypernetworkParameters = size.HypernetworkParameters,
            GeneratedParameters = size.GeneratedParameters,
            Size = size.Describe(),
        };
    }

    private static string Describe(ITransformer transformer) => transformer switch
    {
        HypernetworkTransformer h => $"HypernetworkTransformer ({h.Task}: {h.ConditioningColumnName} + {h.FeatureColumnName} -> score columns)",
        _ => transformer.GetType().Name,
    };
}
