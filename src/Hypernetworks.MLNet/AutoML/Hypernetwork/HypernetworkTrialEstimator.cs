using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Hypernetworks.MLNet.AutoML;

/// <summary>
/// The hypernetwork trainer as a sweep builds it: a swept chunk size or rank too large for the target network (whose
/// size depends on the data) is cut to the largest the target allows when fitting, instead of failing the trial.
/// </summary>
internal sealed class HypernetworkTrialEstimator(IHostEnvironment environment, HypernetworkTrainer.Options options) : IEstimator<HypernetworkTransformer>
{
    public HypernetworkTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (options.TargetLayerSizes is null && TargetLayers(input.Schema) is { } layers)
        {
            if (options.Generator == GeneratorKind.Chunked && options.ChunkSize > 0)
            {
                options.ChunkSize = (int)Math.Min(options.ChunkSize, layers.Sum(l => ((long)l.In * l.Out) + l.Out));
            }

            if (options.Generator == GeneratorKind.LowRank)
            {
                options.Rank = Math.Clamp(options.Rank, 1, layers.Max(l => Math.Min(l.In, l.Out)));
            }
        }

        return new HypernetworkTrainer(environment, options).Fit(input);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => new HypernetworkTrainer(environment, options).GetOutputSchema(inputSchema);

    private List<(int In, int Out)>? TargetLayers(DataViewSchema schema)
    {
        // Columns the trainer would reject are left to it, so its own message names them.
        if (schema.GetColumnOrNull(options.FeatureColumnName) is not { } features || schema.GetColumnOrNull(options.LabelColumnName) is not { } label)
        {
            return null;
        }

        int inputs = features.Type is VectorDataViewType { IsKnownSize: true } vector ? vector.Size : 1;
        int outputs = label.Type is KeyDataViewType key ? (int)Math.Min(key.Count, int.MaxValue) : 1;
        var layers = new List<(int In, int Out)>();
        int previous = inputs;
        foreach (int width in options.TargetHiddenSizes.Append(outputs))
        {
            layers.Add((previous, width));
            previous = width;
        }

        return layers;
    }
}
