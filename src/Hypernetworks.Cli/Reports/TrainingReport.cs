using System.Globalization;

namespace Hypernetworks.Cli.Reports;

/// <summary>The HTML report of <c>hypernet train</c>: the loss curves per epoch, the test comparison with a stock ML.NET trainer, the model's size and the options.</summary>
internal static class TrainingReport
{
    /// <summary>Renders the report.</summary>
    /// <param name="data">What to report.</param>
    public static string Render(TrainingReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var page = new HtmlDocument(
            "Hypernetwork training report",
            string.Create(CultureInfo.InvariantCulture, $"{data.Task} on {Path.GetFileName(data.DataFile)}: {ReportFormat.Count(data.Rows.Train)} training rows, {ReportFormat.Count(data.Rows.Test)} held-out test rows. Model: {data.ModelFile}. Written {DateTime.UtcNow:u}."));
        page.Heading("Test metrics against a stock ML.NET trainer")
            .Paragraph($"Both trained on the same training rows and scored on the same {ReportFormat.Count(data.Comparison.TestRows)} held-out rows; the better value is in bold. Training took {ReportFormat.Number(data.Seconds.Hypernetwork)} s for the hypernetwork and {ReportFormat.Number(data.Seconds.Stock)} s for {data.Comparison.StockTrainer}.")
            .Table(["Metric", "Hypernetwork", data.Comparison.StockTrainer], data.Comparison.Rows());

        var losses = new SvgChart("Loss per epoch", "epoch", "loss")
            .Add(new ChartSeries("training", "#1f77b4", SeriesStyle.Line, [.. data.Epochs.Select(e => ((double)e.Epoch, e.TrainingLoss))]))
            .Add(new ChartSeries("validation", "#ff7f0e", SeriesStyle.Line, [.. data.Epochs.Select(e => ((double)e.Epoch, e.ValidationLoss))]));
        var metrics = new SvgChart($"Test {data.Comparison.Hypernetwork[0].Name}", "model", data.Comparison.Hypernetwork[0].Name)
        {
            XCategories = ["Hypernetwork", data.Comparison.StockTrainer],
        };
        metrics.Add(new ChartSeries("test", "#2ca02c", SeriesStyle.Bars, [(0, data.Comparison.Hypernetwork[0].Value), (1, data.Comparison.Stock[0].Value)]));
        page.Heading("Training and validation loss").Charts([losses, metrics]);

        page.Table(["Epoch", "Training loss", "Validation loss"], data.Epochs.Select(e => (IReadOnlyList<string>)[e.Epoch.ToString(CultureInfo.InvariantCulture), ReportFormat.Number(e.TrainingLoss), ReportFormat.Number(e.ValidationLoss)]));
        page.Heading("Model").Paragraph(data.Size.Describe())
            .Table(["Role", "Columns"], data.Columns.Select(c => (IReadOnlyList<string>)[c.Role, c.Columns]));
        page.Heading("Options").Table(["Option", "Value"], data.Options.Select(o => (IReadOnlyList<string>)[o.Name, o.Value]));
        return page.Render();
    }
}
