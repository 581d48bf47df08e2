using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Hypernetworks.MLNet;

/// <summary>
/// A stock binary prediction transformer that is exactly the identity on a one-slot column of OnnxTransformer's [1, 1]
/// shape: Score = x and PredictedLabel = x &gt; 0, with ML.NET's own annotations. Trained like
/// <see cref="IdentityRegressionModel"/>: the averaged perceptron without averaging, regularisation or shuffling, one
/// pass at learning rate 1 from w = 0, b = 0, on (x = 1, true), (x = 0, false); the hinge-loss steps are exact
/// (w and b become 1, then b returns to 0), and the result is checked. The label threshold is the scorer's default, 0.
/// </summary>
internal static class IdentityBinaryModel
{
    public static BinaryPredictionTransformer<LinearBinaryModelParameters> Create(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        IDataView rows = mlContext.Data.LoadFromEnumerable<Row>([new Row { Label = true, HypernetworkScoreSlot = [1f] }, new Row { Label = false, HypernetworkScoreSlot = [0f] }]);
        var options = new AveragedPerceptronTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = IdentityRegressionModel.InputColumn,
            LearningRate = 1f,
            DecreaseLearningRate = false,
            L2Regularization = 0f,
            NumberOfIterations = 1,
            Shuffle = false,
            Averaged = false,
        };
        BinaryPredictionTransformer<LinearBinaryModelParameters> model = mlContext.BinaryClassification.Trainers.AveragedPerceptron(options).Fit(rows);
        IReadOnlyList<float> weights = model.Model.Weights;
        if (weights.Count != 1 || weights[0] != 1f || model.Model.Bias != 0f)
        {
            throw new InvalidOperationException($"The averaged perceptron gave w = [{string.Join(", ", weights)}], b = {model.Model.Bias} where the identity (w = [1], b = 0) is needed; ML.NET's update rule changed.");
        }

        return model;
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        [VectorType(1, 1)]
        public float[] HypernetworkScoreSlot { get; set; } = [];
    }
}
