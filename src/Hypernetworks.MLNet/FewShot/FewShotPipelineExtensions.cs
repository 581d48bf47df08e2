using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet;

/// <summary>Adapting a fitted pipeline that ends in a meta-trained few-shot hypernetwork.</summary>
public static class FewShotPipelineExtensions
{
    /// <summary>
    /// Adapts the pipeline's few-shot hypernetwork to <paramref name="support"/> (given in the pipeline's input
    /// schema: it is passed through the pipeline's earlier transformers first) and returns the whole pipeline with the
    /// adapted classifier in its place, ready to score, save and load like any ML.NET model. The pipeline's earlier
    /// transformers are shared with <paramref name="pipeline"/>, not copied. Map the label to a key outside the
    /// pipeline, once per data set: a key mapping fitted on the meta-training classes knows none of the new ones.
    /// Because the earlier transformers are shared, dispose only the returned chain's <c>LastTransformer</c> (the
    /// classifier), not the chain: disposing a chain disposes every transformer in it.
    /// </summary>
    /// <param name="pipeline">A fitted chain whose last transformer is the meta-trained hypernetwork.</param>
    /// <param name="support">Labelled rows of the new classes, as the pipeline's input.</param>
    public static TransformerChain<ITransformer> Adapt(this TransformerChain<FewShotHypernetworkTransformer> pipeline, IDataView support)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(support);
        ITransformer[] earlier = [.. pipeline.Take(pipeline.Count() - 1)];
        IDataView prepared = support;
        foreach (ITransformer transformer in earlier)
        {
            prepared = transformer.Transform(prepared);
        }

        return new TransformerChain<ITransformer>([.. earlier, pipeline.LastTransformer.Adapt(prepared)]);
    }
}
