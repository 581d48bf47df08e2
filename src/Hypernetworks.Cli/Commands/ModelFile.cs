using Hypernetworks.Cli.Training;
using Hypernetworks.MLNet;
using Microsoft.ML;

namespace Hypernetworks.Cli.Commands;

/// <summary>A model file loaded with <c>LoadHypernetwork</c>: the whole chain, its input schema and its hypernetwork.</summary>
internal sealed class ModelFile : IDisposable
{
    private ModelFile(string path, ITransformer model, DataViewSchema inputSchema, HypernetworkTransformer hypernetwork)
    {
        Path = path;
        Model = model;
        InputSchema = inputSchema;
        Hypernetwork = hypernetwork;
    }

    /// <summary>Gets the file.</summary>
    public string Path { get; }

    /// <summary>Gets the model (the whole chain).</summary>
    public ITransformer Model { get; }

    /// <summary>Gets the schema of the rows the model was saved for.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>Gets the model's hypernetwork.</summary>
    public HypernetworkTransformer Hypernetwork { get; }

    /// <summary>Loads <paramref name="path"/>.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="path">The .zip file.</param>
    public static ModelFile Load(MLContext mlContext, string path)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        if (!File.Exists(path))
        {
            throw new CliException(ExitCode.InvalidModel, $"--model: the model file '{path}' does not exist.");
        }

        ITransformer model;
        DataViewSchema schema;
        try
        {
            model = mlContext.Model.LoadHypernetwork(path, out schema);
        }
        catch (HypernetworkModelFormatException e)
        {
            throw new CliException(ExitCode.InvalidModel, $"--model: '{path}' is not a readable hypernetwork model: {e.Message}", e);
        }

        return new ModelFile(path, model, schema, ModelParts.Hypernetwork(model, path));
    }

    /// <inheritdoc/>
    public void Dispose() => (Model as IDisposable)?.Dispose();
}
