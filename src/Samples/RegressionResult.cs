using System.Globalization;
using Microsoft.ML.Data;
using Spectre.Console;

namespace Hypernetworks.Samples;

/// <summary>One model's test metrics and training time, and the table that shows several side by side.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Metrics">ML.NET's regression metrics on the test rows.</param>
/// <param name="Training">How long it trained.</param>
public sealed record RegressionResult(string Model, RegressionMetrics Metrics, TimeSpan Training)
{
    /// <summary>Writes the results as one table, one row per model.</summary>
    /// <param name="title">The table's title (plain text).</param>
    /// <param name="results">The results.</param>
    public static void Write(string title, IEnumerable<RegressionResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = new Table { Title = new TableTitle(Markup.Escape(title)) }
            .AddColumn("Model")
            .AddColumn(new TableColumn("Test RMSE").RightAligned())
            .AddColumn(new TableColumn("MAE").RightAligned())
            .AddColumn(new TableColumn("R²").RightAligned())
            .AddColumn(new TableColumn("Training").RightAligned());
        foreach (RegressionResult result in results)
        {
            table.AddRow(
                Markup.Escape(result.Model),
                Format(result.Metrics.RootMeanSquaredError),
                Format(result.Metrics.MeanAbsoluteError),
                Format(result.Metrics.RSquared),
                result.Training.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
        }

        AnsiConsole.Write(table);
    }

    private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
