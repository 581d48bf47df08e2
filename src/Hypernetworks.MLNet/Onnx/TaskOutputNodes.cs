using Hypernetworks.Model;
using M = Hypernetworks.MLNet.Onnx.HypernetworkGraphMetadata;

namespace Hypernetworks.MLNet.Onnx;

/// <summary>
/// The task outputs of a graph from the target network's last layer y [N, 1, outputs]: regression scores; binary
/// logits, probabilities and labels; multiclass probabilities (with the class names as slot names) and the predicted index.
/// </summary>
internal static class TaskOutputNodes
{
    public static List<OnnxValueInfo> Add(OnnxGraphBuilder graph, HypernetworkTask task, int outputs, IReadOnlyList<string>? classNames, string y)
    {
        string[] flatShape = [graph.Int64s(0, outputs)];
        switch (task)
        {
            case HypernetworkTask.BinaryClassification:
                string score = graph.AddNamed("Reshape", M.ScoreOutput, [y, .. flatShape]);
                graph.AddNamed("Sigmoid", M.ProbabilityOutput, [score]);
                graph.AddNamed("Greater", M.PredictedLabelOutput, [score, graph.Float(0f)]);
                return
                [
                    new(M.ScoreOutput, OnnxElementType.Float, [null, outputs]),
                    new(M.ProbabilityOutput, OnnxElementType.Float, [null, outputs]),
                    new(M.PredictedLabelOutput, OnnxElementType.Bool, [null, outputs]),
                ];
            case HypernetworkTask.MulticlassClassification:
                string logits = graph.Add("Reshape", [y, .. flatShape]);
                string probabilities = graph.AddNamed("Softmax", M.ScoreOutput, [logits], OnnxAttribute.Of("axis", 1L));
                string index = graph.Add("ArgMax", [probabilities], OnnxAttribute.Of("axis", 1L), OnnxAttribute.Of("keepdims", 1L));
                graph.AddNamed("Cast", M.PredictedIndexOutput, [index], OnnxAttribute.Of("to", (long)OnnxElementType.Float));
                if (classNames is { } names)
                {
                    AddSlotNames(graph, M.ScoreOutput, names);
                }

                return
                [
                    new(M.ScoreOutput, OnnxElementType.Float, [null, outputs]),
                    new(M.PredictedIndexOutput, OnnxElementType.Float, [null, 1]),
                ];
            default:
                graph.AddNamed("Reshape", M.ScoreOutput, [y, .. flatShape]);
                return [new(M.ScoreOutput, OnnxElementType.Float, [null, outputs])];
        }
    }

    /// <summary>
    /// ML.NET's OnnxTransformer gives output column C the slot names held in the keys_strings attribute of a node named
    /// "mlnet.C.SlotNames": a LabelEncoder over a constant whose own output nothing reads.
    /// </summary>
    private static void AddSlotNames(OnnxGraphBuilder graph, string column, IReadOnlyList<string> names)
    {
        string source = graph.Constant(OnnxTensor.FromStrings("const.class_names", names));
        graph.AddNode(
            "LabelEncoder",
            OnnxModel.MlDomain,
            $"mlnet.{column}.SlotNames",
            "unused.class_indices",
            [source],
            OnnxAttribute.Of("keys_strings", names),
            OnnxAttribute.Of("values_int64s", (IReadOnlyList<long>)[.. Enumerable.Range(0, names.Count).Select(i => (long)i)]),
            OnnxAttribute.Of("default_int64", -1L));
    }

}
