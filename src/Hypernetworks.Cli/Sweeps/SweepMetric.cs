using Hypernetworks.MLNet.AutoML;
using Hypernetworks.Model;

namespace Hypernetworks.Cli.Sweeps;

/// <summary>The validation metric a sweep optimises, by task: <c>--metric</c> names one of the task's AutoML metrics.</summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Direction">Whether smaller or larger is better.</param>
/// <param name="Apply">Sets the metric on an experiment.</param>
internal sealed record SweepMetric(string Name, MetricDirection Direction, Func<AutoMLExperiment, string, AutoMLExperiment> Apply)
{
    /// <summary>The metric named <paramref name="name"/> (or the task's default) for <paramref name="task"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="name">The --metric value, or null for the default (RMSE, AUC, micro-accuracy).</param>
    public static SweepMetric For(HypernetworkTask task, string? name)
    {
        return task switch
        {
            HypernetworkTask.Regression => Pick(name ?? nameof(RegressionMetric.RootMeanSquaredError), (RegressionMetric m) =>
                new SweepMetric(m.ToString(), MetricDirections.Of(m), (e, label) => e.SetRegressionMetric(m, label))),
            HypernetworkTask.BinaryClassification => Pick(name ?? nameof(BinaryClassificationMetric.AreaUnderRocCurve), (BinaryClassificationMetric m) =>
                new SweepMetric(m.ToString(), MetricDirections.Of(m), (e, label) => e.SetBinaryClassificationMetric(m, label))),
            _ => Pick(name ?? nameof(MulticlassClassificationMetric.MicroAccuracy), (MulticlassClassificationMetric m) =>
                new SweepMetric(m.ToString(), MetricDirections.Of(m), (e, label) => e.SetMulticlassClassificationMetric(m, label))),
        };
    }

    private static SweepMetric Pick<T>(string name, Func<T, SweepMetric> make)
        where T : struct, Enum =>
        Enum.TryParse(name, ignoreCase: true, out T metric) && Enum.IsDefined(metric)
            ? make(metric)
            : throw CliException.InvalidInput($"--metric: '{name}' is not a metric of this task. Metrics: {string.Join(", ", Enum.GetNames<T>())}.");
}
