using Hypernetworks.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.Cli.Training;

/// <summary>Scores a model on held-out rows with ML.NET's own evaluator for the task.</summary>
internal static class TaskEvaluation
{
    /// <summary>The task's metrics of <paramref name="model"/> on <paramref name="test"/>, the headline metric first.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="task">The task.</param>
    /// <param name="model">The fitted model.</param>
    /// <param name="test">The held-out rows (with the trainers' label column).</param>
    /// <param name="labelColumn">The label column.</param>
    public static IReadOnlyList<MetricValue> Evaluate(MLContext mlContext, HypernetworkTask task, ITransformer model, IDataView test, string labelColumn)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(model);
        IDataView scored = model.Transform(test);
        switch (task)
        {
            case HypernetworkTask.Regression:
                RegressionMetrics r = mlContext.Regression.Evaluate(scored, labelColumn);
                return [new("RMSE", r.RootMeanSquaredError, false), new("MAE", r.MeanAbsoluteError, false), new("R²", r.RSquared, true)];
            case HypernetworkTask.BinaryClassification:
                CalibratedBinaryClassificationMetrics b = mlContext.BinaryClassification.Evaluate(scored, labelColumn);
                return [new("Accuracy", b.Accuracy, true), new("AUC", b.AreaUnderRocCurve, true), new("F1", b.F1Score, true), new("Log-loss", b.LogLoss, false)];
            default:
                MulticlassClassificationMetrics m = mlContext.MulticlassClassification.Evaluate(scored, labelColumn);
                return [new("Micro-accuracy", m.MicroAccuracy, true), new("Macro-accuracy", m.MacroAccuracy, true), new("Log-loss", m.LogLoss, false)];
        }
    }
}
