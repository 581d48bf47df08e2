using Hypernetworks.MLNet;

namespace Hypernetworks.Cli.Reports;

/// <summary>How big a hypernetwork is against the target network weights it generates for one conditioning.</summary>
/// <param name="HypernetworkParameters">The hypernetwork's own trained parameters.</param>
/// <param name="GeneratedParameters">The parameters of one generated target network.</param>
internal sealed record ModelSize(long HypernetworkParameters, long GeneratedParameters)
{
    /// <summary>The sizes of a fitted transformer.</summary>
    /// <param name="transformer">The transformer.</param>
    public static ModelSize Of(HypernetworkTransformer transformer)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        return new ModelSize(transformer.Model.ParameterCount, transformer.Model.Spec.TargetParameterCount());
    }

    /// <summary>One sentence: the two sizes and their ratio.</summary>
    public string Describe()
    {
        double ratio = (double)HypernetworkParameters / GeneratedParameters;
        string relation = ratio < 1
            ? $"{ReportFormat.Number(1 / ratio)}x smaller than"
            : $"{ReportFormat.Number(ratio)}x the size of";
        return $"{ReportFormat.Count(HypernetworkParameters)} hypernetwork parameters generate {ReportFormat.Count(GeneratedParameters)} target-network parameters per conditioning: the hypernetwork is {relation} one generated network.";
    }
}
