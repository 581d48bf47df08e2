using Hypernetworks.MLNet.Scoring;
using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.MLNet.Trainers;

/// <summary>
/// The schema shape of a hypernetwork's output columns. ML.NET keeps the constructor of a column shape internal, so
/// each new column's shape is taken from a stock transform that makes a column of the same type from the label:
/// a copy of the label (Single score, Boolean or key prediction), a conversion to Single (binary score and
/// probability) and a key-to-vector mapping (the multiclass score vector, one slot per class).
/// </summary>
internal static class ScoreShapes
{
    private static readonly MLContext Shapes = new(seed: 0);

    /// <summary>The input shape with the task's output columns added (replacing any of the same names).</summary>
    public static SchemaShape Add(SchemaShape input, HypernetworkTask task, string labelColumnName)
    {
        IEstimator<ITransformer> columns = task switch
        {
            HypernetworkTask.BinaryClassification => Shapes.Transforms.Conversion.ConvertType(ScoreColumns.Score, labelColumnName, DataKind.Single)
                .Append(Shapes.Transforms.Conversion.ConvertType(ScoreColumns.Probability, labelColumnName, DataKind.Single))
                .Append(Shapes.Transforms.CopyColumns(ScoreColumns.PredictedLabel, labelColumnName)),
            HypernetworkTask.MulticlassClassification => Shapes.Transforms.Conversion.MapKeyToVector(ScoreColumns.Score, labelColumnName)
                .Append(Shapes.Transforms.CopyColumns(ScoreColumns.PredictedLabel, labelColumnName)),
            _ => Shapes.Transforms.CopyColumns(ScoreColumns.Score, labelColumnName),
        };
        return columns.GetOutputSchema(input);
    }
}
