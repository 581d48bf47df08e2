using System.IO.Compression;
using Hypernetworks.MLNet.Onnx;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Onnx;

namespace Hypernetworks.MLNet;

/// <summary>
/// Finds our graphs in a model that stock mlContext.Model.Load returned: every OnnxTransformer in the chain (and in
/// nested chains) whose graph carries our mark. OnnxTransformer has no public getter for its model, so each one is
/// saved to memory and the graph read back from the archive entry that holds it (a length-prefixed copy of the exact bytes).
/// </summary>
internal static class OurGraphLocator
{
    private const string ModelEntry = "OnnxModel";

    /// <summary>Our graphs in <paramref name="loaded"/>, depth first; empty when there are none.</summary>
    public static IReadOnlyList<OurGraphMatch> FindAll(MLContext mlContext, ITransformer loaded)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(loaded);
        var matches = new List<OurGraphMatch>();
        if (loaded is TransformerChain<ITransformer> chain)
        {
            Search(mlContext, chain, [], matches);
        }

        return matches;
    }

    /// <summary>The first of our graphs in <paramref name="loaded"/>, if any.</summary>
    public static bool TryFindOurGraph(MLContext mlContext, ITransformer loaded, out OurGraphMatch? match)
    {
        match = FindAll(mlContext, loaded).FirstOrDefault();
        return match is not null;
    }

    /// <summary>The model bytes an OnnxTransformer holds.</summary>
    public static byte[] ModelBytes(MLContext mlContext, OnnxTransformer transformer)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(transformer);
        using var archive = new MemoryStream();
        mlContext.Model.Save(transformer, null, archive);
        archive.Position = 0;
        using var zip = new ZipArchive(archive, ZipArchiveMode.Read);
        ZipArchiveEntry entry = zip.Entries.FirstOrDefault(e => e.Name == ModelEntry)
            ?? throw new HypernetworkModelFormatException($"The saved OnnxTransformer has no '{ModelEntry}' entry.");
        using var content = new MemoryStream();
        using (Stream stream = entry.Open())
        {
            stream.CopyTo(content);
        }

        byte[] bytes = content.ToArray();
        int length = bytes.Length >= sizeof(int) ? BitConverter.ToInt32(bytes, 0) : -1;
        if (length != bytes.Length - sizeof(int))
        {
            throw new HypernetworkModelFormatException($"The OnnxTransformer's '{ModelEntry}' entry declares {length} bytes but holds {bytes.Length - sizeof(int)}.");
        }

        return bytes[sizeof(int)..];
    }

    private static void Search(MLContext mlContext, TransformerChain<ITransformer> chain, IReadOnlyList<int> path, List<OurGraphMatch> matches)
    {
        ITransformer[] transformers = [.. chain];
        for (int i = 0; i < transformers.Length; i++)
        {
            switch (transformers[i])
            {
                case TransformerChain<ITransformer> nested:
                    Search(mlContext, nested, [.. path, i], matches);
                    break;
                case OnnxTransformer onnx:
                    byte[] bytes = ModelBytes(mlContext, onnx);
                    if (HypernetworkGraphReader.IsOurs(bytes))
                    {
                        HypernetworkTask task = HypernetworkGraphReader.ReadTask(bytes);
                        matches.Add(new OurGraphMatch(chain, i, Math.Min(StockScoringChain.Length(task), transformers.Length - i), bytes, path));
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
