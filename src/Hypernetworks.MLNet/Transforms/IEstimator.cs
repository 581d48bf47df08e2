namespace Hypernetworks.MLNet;

/// <summary>Learns a <typeparamref name="TTransformer"/> from data.</summary>
/// <typeparam name="TTransformer">The transformer it produces.</typeparam>
public interface IEstimator<out TTransformer>
    where TTransformer : ITransformer
{
    /// <summary>Learns from <paramref name="input"/> (reading it as often as the estimator needs).</summary>
    /// <param name="input">The training data.</param>
    TTransformer Fit(IDataView input);

    /// <summary>The shape of the output for an input of shape <paramref name="inputSchema"/>, without fitting; throws for an input it cannot handle.</summary>
    /// <param name="inputSchema">The input shape.</param>
    SchemaShape GetOutputSchema(SchemaShape inputSchema);
}
