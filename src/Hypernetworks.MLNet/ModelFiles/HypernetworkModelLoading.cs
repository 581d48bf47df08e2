using Hypernetworks.MLNet.Onnx;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Onnx;

namespace Hypernetworks.MLNet;

/// <summary>
/// <c>mlContext.Model.LoadHypernetwork</c>: loads an ML.NET model file with stock <c>mlContext.Model.Load</c>, then
/// puts a <see cref="HypernetworkTransformer"/> back in place of each stock stand-in that our saving wrote (an
/// <c>OnnxTransformer</c> whose graph carries our mark, and the stock transforms after it), rebuilt from the graph's
/// own initializers. The rest of the chain is the user's, untouched. Our graphs are read and validated from the
/// archive before stock loading starts. A file that is not a readable ML.NET model, or whose graph of ours is corrupt
/// or hostile, fails with <see cref="HypernetworkModelFormatException"/>.
/// </summary>
public static class HypernetworkModelLoading
{
    private const int MaxChainDepth = 32;

    /// <summary>Loads the model at <paramref name="filePath"/> with our transformer in place of its stock stand-in.</summary>
    /// <param name="catalog">The model operations of an <see cref="MLContext"/>.</param>
    /// <param name="filePath">The .zip file that <c>mlContext.Model.Save</c> wrote.</param>
    /// <param name="inputSchema">The schema of the rows the model was saved for.</param>
    public static ITransformer LoadHypernetwork(this ModelOperationsCatalog catalog, string filePath, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        using FileStream stream = File.OpenRead(filePath);
        return catalog.LoadHypernetwork(stream, out inputSchema);
    }

    /// <summary>Loads the model in <paramref name="stream"/> with our transformer in place of its stock stand-in.</summary>
    /// <param name="catalog">The model operations of an <see cref="MLContext"/>.</param>
    /// <param name="stream">A readable stream holding the .zip that <c>mlContext.Model.Save</c> wrote.</param>
    /// <param name="inputSchema">The schema of the rows the model was saved for.</param>
    public static ITransformer LoadHypernetwork(this ModelOperationsCatalog catalog, Stream stream, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(stream);
        using var archive = new MemoryStream();
        stream.CopyTo(archive);

        // Every entry is checked whole, and our graphs validated and rebuilt, before stock Load reads any of it.
        archive.Position = 0;
        var scanned = new List<ScannedGraph>(HypernetworkArchiveScanner.Read(archive));
        try
        {
            archive.Position = 0;
            ITransformer loaded;
            try
            {
                loaded = catalog.Load(archive, out inputSchema);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException or HypernetworkModelFormatException))
            {
                throw new HypernetworkModelFormatException($"The model archive could not be read by ML.NET: {e.Message}", e);
            }

            try
            {
                return Replace(new MLContext(seed: 0), loaded, inputSchema, scanned, 0);
            }
            catch
            {
                (loaded as IDisposable)?.Dispose();
                throw;
            }
        }
        finally
        {
            foreach (ScannedGraph unused in scanned)
            {
                unused.Graph.Network.Dispose();
            }
        }
    }

    private static ITransformer Replace(MLContext mlContext, ITransformer transformer, DataViewSchema schema, List<ScannedGraph> scanned, int depth)
    {
        if (transformer is not TransformerChain<ITransformer> chain)
        {
            return transformer;
        }

        if (depth > MaxChainDepth)
        {
            throw new HypernetworkModelFormatException($"The model nests transformer chains more than {MaxChainDepth} deep.");
        }

        ITransformer[] parts = [.. chain];
        var rebuilt = new List<ITransformer>(parts.Length);
        var replaced = new List<ITransformer>();
        DataViewSchema current = schema;
        for (int i = 0; i < parts.Length; i++)
        {
            ITransformer part = parts[i];
            if (part is OnnxTransformer onnx && Take(scanned, OurGraphLocator.ModelBytes(mlContext, onnx)) is { } graph)
            {
                HypernetworkTransformer ours;
                try
                {
                    ours = HypernetworkTransformer.FromGraph(graph, current);
                }
                catch
                {
                    graph.Network.Dispose();
                    throw;
                }

                CheckInput(ours, current, i);
                int standIns = Math.Min(StockScoringChain.Length(ours.Task), parts.Length - i);
                replaced.AddRange(parts.Skip(i).Take(standIns));
                i += standIns - 1;
                part = ours;
            }
            else
            {
                part = Replace(mlContext, part, current, scanned, depth + 1);
            }

            rebuilt.Add(part);
            current = OutputSchema(part, current, i);
        }

        if (replaced.Count == 0 && rebuilt.SequenceEqual(parts))
        {
            return chain;
        }

        foreach (IDisposable standIn in replaced.OfType<IDisposable>())
        {
            standIn.Dispose();
        }

        return rebuilt.Count == 1 && replaced.Count > 0 && parts.Length == replaced.Count ? rebuilt[0] : new TransformerChain<ITransformer>([.. rebuilt]);
    }

    private static void CheckInput(HypernetworkTransformer ours, DataViewSchema schema, int index)
    {
        try
        {
            ours.GetOutputSchema(schema);
        }
        catch (ArgumentException e)
        {
            ours.Dispose();
            throw new HypernetworkModelFormatException($"Transformer {index} of the model is a hypernetwork graph whose columns the rows before it do not provide: {e.Message}", e);
        }
    }

    private static DataViewSchema OutputSchema(ITransformer part, DataViewSchema schema, int index)
    {
        try
        {
            return part.GetOutputSchema(schema);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new HypernetworkModelFormatException($"Transformer {index} of the model ({part.GetType().Name}) does not accept the schema the rows before it give: {e.Message}", e);
        }
    }

    /// <summary>
    /// The graph the archive scan rebuilt from these bytes, handed over (removed from the list, so the caller owns its
    /// network); null for a graph that is not ours.
    /// </summary>
    private static LoadedHypernetworkGraph? Take(List<ScannedGraph> scanned, byte[] onnx)
    {
        int index = scanned.FindIndex(g => g.Onnx.AsSpan().SequenceEqual(onnx));
        if (index < 0)
        {
            return HypernetworkGraphReader.IsOurs(onnx)
                ? throw new HypernetworkModelFormatException("The model holds one of our graphs that its archive entries do not.")
                : null;
        }

        LoadedHypernetworkGraph graph = scanned[index].Graph;
        scanned.RemoveAt(index);
        return graph;
    }
}
