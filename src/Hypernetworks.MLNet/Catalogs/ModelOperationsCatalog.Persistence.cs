using Hypernetworks.MLNet.Data;

namespace Hypernetworks.MLNet;

public sealed partial class ModelOperationsCatalog
{
    /// <summary>
    /// Saves <paramref name="model"/> and the schema of its input as a .zip model file. The file is written to a
    /// temporary name and renamed, so a failure never leaves a half-written model.
    /// </summary>
    /// <param name="model">The fitted transformer (e.g. a pipeline).</param>
    /// <param name="inputSchema">The schema of the data the model was fitted on (null for none).</param>
    /// <param name="filePath">The model file.</param>
    public void Save(ITransformer model, DataViewSchema? inputSchema, string filePath)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        ModelArchive.Save(filePath, SavedSchema(inputSchema), [.. model.GetModelComponents()]);
    }

    /// <summary>Saves <paramref name="model"/> and the schema of its input as a .zip model to <paramref name="stream"/>.</summary>
    /// <param name="model">The fitted transformer (e.g. a pipeline).</param>
    /// <param name="inputSchema">The schema of the data the model was fitted on (null for none).</param>
    /// <param name="stream">A writable stream.</param>
    public void Save(ITransformer model, DataViewSchema? inputSchema, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        ModelArchive.Save(stream, SavedSchema(inputSchema), [.. model.GetModelComponents()]);
    }

    /// <summary>Loads a model saved by <see cref="Save(ITransformer, DataViewSchema, string)"/>.</summary>
    /// <param name="filePath">The model file.</param>
    /// <param name="inputSchema">Receives the schema of the data the model was fitted on.</param>
    /// <exception cref="ModelFormatException">The file is not a valid model.</exception>
    public ITransformer Load(string filePath, out DataViewSchema inputSchema)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        return Build(TransformerRegistry.Registry.LoadArchive(filePath), out inputSchema);
    }

    /// <summary>Loads a model saved by <see cref="Save(ITransformer, DataViewSchema, Stream)"/>.</summary>
    /// <param name="stream">A readable stream.</param>
    /// <param name="inputSchema">Receives the schema of the data the model was fitted on.</param>
    /// <exception cref="ModelFormatException">The stream does not hold a valid model.</exception>
    public ITransformer Load(Stream stream, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Build(TransformerRegistry.Registry.LoadArchive(stream), out inputSchema);
    }

    private static List<SavedColumn> SavedSchema(DataViewSchema? schema) =>
        schema is null ? [] : [.. schema.Where(c => !c.IsHidden).Select(c => new SavedColumn(c.Name, DataViewTypeNames.Format(c.Type)))];

    private static TransformerChain<ITransformer> Build(LoadedModelArchive archive, out DataViewSchema inputSchema)
    {
        var builder = new DataViewSchema.Builder();
        foreach (SavedColumn column in archive.InputSchema)
        {
            DataViewType type = DataViewTypeNames.Parse(column.Type)
                ?? throw new ModelFormatException($"Input column '{column.Name}' has an unknown type '{column.Type}'.");
            builder.AddColumn(column.Name, type);
        }

        inputSchema = builder.ToSchema();
        var model = new TransformerChain<ITransformer>([.. TransformerRegistry.Registry.CreateAll(archive)]);
        if (archive.InputSchema.Count > 0)
        {
            try
            {
                model.GetOutputSchema(inputSchema);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                throw new ModelFormatException($"The saved transformers do not fit the saved input schema: {ex.Message}", ex);
            }
        }

        return model;
    }
}
