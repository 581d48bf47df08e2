using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Hypernetworks.MLNet;

/// <summary>
/// A stock regression prediction transformer that is exactly the identity on a one-slot column of OnnxTransformer's
/// [1, 1] shape (Vector&lt;Single, 1, 1&gt;): Score = x.
/// ML.NET keeps the constructors of its model parameters internal, so it is trained: online gradient descent on the
/// squared loss, one pass, no shuffling, averaging or regularisation, learning rate ½, from w = 0, b = 0, over the
/// rows (x = 1, y = 1), (x = 0, y = 0). The steps are exact in float (b and w become 1, then b returns to 0), and the
/// result is checked.
/// </summary>
internal static class IdentityRegressionModel
{
    /// <summary>The one-slot vector column the identity reads.</summary>
    public const string InputColumn = "HypernetworkScoreSlot";

    public static RegressionPredictionTransformer<LinearRegressionModelParameters> Create(MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        IDataView rows = mlContext.Data.LoadFromEnumerable<Row>([new Row { Label = 1f, HypernetworkScoreSlot = [1f] }, new Row { Label = 0f, HypernetworkScoreSlot = [0f] }]);
        var options = new OnlineGradientDescentTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = InputColumn,
            LearningRate = 0.5f,
            DecreaseLearningRate = false,
            L2Regularization = 0f,
            NumberOfIterations = 1,
            Shuffle = false,
            Averaged = false,
        };
        RegressionPredictionTransformer<LinearRegressionModelParameters> model = mlContext.Regression.Trainers.OnlineGradientDescent(options).Fit(rows);
        IReadOnlyList<float> weights = model.Model.Weights;
        if (weights.Count != 1 || weights[0] != 1f || model.Model.Bias != 0f)
        {
            throw new InvalidOperationException($"Online gradient descent gave w = [{string.Join(", ", weights)}], b = {model.Model.Bias} where the identity (w = [1], b = 0) is needed; ML.NET's update rule changed.");
        }

        return model;
    }

    private sealed class Row
    {
        public float Label { get; set; }

        [VectorType(1, 1)]
        public float[] HypernetworkScoreSlot { get; set; } = [];
    }
}
