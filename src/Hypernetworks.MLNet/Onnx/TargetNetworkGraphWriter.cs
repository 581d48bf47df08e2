using System.Globalization;
using Hypernetworks.Model;
using M = Hypernetworks.MLNet.Onnx.HypernetworkGraphMetadata;

namespace Hypernetworks.MLNet.Onnx;

/// <summary>
/// Writes one materialised target network (<see cref="Hypernetwork.Materialize"/>) as a plain ONNX MLP: features
/// [N, in] (optionally standardised inside) to the task's outputs, named as in the whole network's graph.
/// </summary>
internal static class TargetNetworkGraphWriter
{
    public static byte[] Write(TargetNetwork network, string featureColumnName, HypernetworkTask task, float[]? featureMean = null, float[]? featureScale = null, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(featureColumnName);
        if ((featureMean is null) != (featureScale is null) || (featureMean is not null && (featureMean.Length != network.InputSize || featureScale!.Length != network.InputSize)))
        {
            throw new ArgumentException($"Give both the feature means and scales, {network.InputSize} each, or neither.", nameof(featureMean));
        }

        if (classNames is not null && (task != HypernetworkTask.MulticlassClassification || classNames.Count != network.OutputSize))
        {
            throw new ArgumentException($"Class names are for a multiclass network, one per output ({network.OutputSize}).", nameof(classNames));
        }

        var graph = new OnnxGraphBuilder();
        (string, string)? statistics = null;
        if (featureMean is not null)
        {
            graph.AddValue(OnnxTensor.FromFloats(HypernetworkGraphWriter.FeatureMeanName, featureMean, featureMean.Length));
            graph.AddValue(OnnxTensor.FromFloats(HypernetworkGraphWriter.FeatureScaleName, featureScale!, featureScale!.Length));
            statistics = (HypernetworkGraphWriter.FeatureMeanName, HypernetworkGraphWriter.FeatureScaleName);
        }

        string h = HypernetworkGraphWriter.Standardize(graph, featureColumnName, statistics);
        int last = network.LayerSizes.Count - 1;
        for (int l = 0; l <= last; l++)
        {
            (int input, int output) = network.LayerSizes[l];
            string weight = $"layer{l}.weight";
            string bias = $"layer{l}.bias";
            graph.AddValue(OnnxTensor.FromFloats(weight, network.Weight(l), output, input));
            graph.AddValue(OnnxTensor.FromFloats(bias, network.Bias(l), output));
            h = graph.Add("Gemm", [h, weight, bias], OnnxAttribute.Of("transB", 1L));
            if (l < last)
            {
                h = OnnxActivation.Apply(graph, network.Activation, h);
            }
        }

        List<OnnxValueInfo> outputs = TaskOutputNodes.Add(graph, task, network.OutputSize, classNames, h);
        var onnx = new OnnxGraph("target_network", graph.Nodes, graph.Initializers, [new OnnxValueInfo(featureColumnName, OnnxElementType.Float, [null, network.InputSize])], outputs);
        KeyValuePair<string, string>[] metadata =
        [
            new(M.MarkKey, M.TargetNetworkMark),
            new(M.VersionKey, M.FormatVersion.ToString(CultureInfo.InvariantCulture)),
        ];
        return OnnxProtoWriter.Write(HypernetworkGraphWriter.Model(onnx, metadata));
    }
}
