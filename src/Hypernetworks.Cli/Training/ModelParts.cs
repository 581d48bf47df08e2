using Hypernetworks.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.Cli.Training;

/// <summary>Walks a fitted ML.NET model (a transformer chain, possibly nested) to its parts.</summary>
internal static class ModelParts
{
    /// <summary>Every transformer of <paramref name="model"/>, chains flattened, in order.</summary>
    /// <param name="model">The model.</param>
    public static IEnumerable<ITransformer> Flatten(ITransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model is IEnumerable<ITransformer> chain)
        {
            foreach (ITransformer part in chain)
            {
                foreach (ITransformer inner in Flatten(part))
                {
                    yield return inner;
                }
            }
        }
        else
        {
            yield return model;
        }
    }

    /// <summary>The model's hypernetwork.</summary>
    /// <param name="model">The model.</param>
    /// <param name="file">The model file, for the message when there is none.</param>
    public static HypernetworkTransformer Hypernetwork(ITransformer model, string file) =>
        Flatten(model).OfType<HypernetworkTransformer>().FirstOrDefault()
        ?? throw new CliException(ExitCode.InvalidModel, $"The model '{file}' holds no hypernetwork.");

    /// <summary>The transformers before the hypernetwork, as one chain (what turns input rows into its columns).</summary>
    /// <param name="model">The model.</param>
    public static ITransformer Prefix(ITransformer model)
    {
        ITransformer[] before = [.. Flatten(model).TakeWhile(t => t is not HypernetworkTransformer)];
        return new TransformerChain<ITransformer>(before);
    }

    /// <summary>Counts the rows of <paramref name="view"/>.</summary>
    /// <param name="view">The view.</param>
    public static long RowCount(IDataView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        long count = 0;
        using DataViewRowCursor cursor = view.GetRowCursor([]);
        while (cursor.MoveNext())
        {
            count++;
        }

        return count;
    }
}
