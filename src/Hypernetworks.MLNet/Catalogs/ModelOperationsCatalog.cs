using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet;

/// <summary>Saving and loading models, and single-row prediction.</summary>
public sealed partial class ModelOperationsCatalog
{
    internal ModelOperationsCatalog(MLContext context)
    {
        Context = context;
    }

    /// <summary>The context this catalog belongs to.</summary>
    public MLContext Context { get; }

    /// <summary>A prediction engine that maps one <typeparamref name="TSrc"/> to one <typeparamref name="TDst"/> through <paramref name="transformer"/>.</summary>
    /// <typeparam name="TSrc">The input class.</typeparam>
    /// <typeparam name="TDst">The output class.</typeparam>
    /// <param name="transformer">A row-to-row transformer (e.g. a fitted pipeline).</param>
    /// <param name="ignoreMissingColumns">Whether members of <typeparamref name="TDst"/> without an output column are left alone instead of failing.</param>
    /// <param name="inputSchemaDefinition">How <typeparamref name="TSrc"/> maps to columns; inferred when null.</param>
    /// <param name="outputSchemaDefinition">How columns map to <typeparamref name="TDst"/>; inferred when null.</param>
    public PredictionEngine<TSrc, TDst> CreatePredictionEngine<TSrc, TDst>(ITransformer transformer, bool ignoreMissingColumns = true,
        SchemaDefinition? inputSchemaDefinition = null, SchemaDefinition? outputSchemaDefinition = null)
        where TSrc : class
        where TDst : class, new() =>
        new(transformer, ignoreMissingColumns, inputSchemaDefinition, outputSchemaDefinition);
}
