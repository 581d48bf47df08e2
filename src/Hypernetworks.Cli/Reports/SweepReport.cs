using System.Globalization;
using Hypernetworks.MLNet.AutoML;

namespace Hypernetworks.Cli.Reports;

/// <summary>
/// The HTML report of <c>hypernet sweep</c>: every trial's validation metric over time with the best so far, each
/// swept parameter against the metric, the trials' learning curves, the best model against a stock ML.NET trainer on
/// the held-out rows, and a table of every trial.
/// </summary>
internal static class SweepReport
{
    private const int MaxCurves = 40;
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>Renders the report.</summary>
    /// <param name="data">What to report.</param>
    public static string Render(SweepReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        bool minimize = data.Direction == MetricDirection.Minimize;
        var page = new HtmlDocument(
            "Hypernetwork sweep report",
            string.Create(CultureInfo.InvariantCulture, $"{data.Task} on {Path.GetFileName(data.DataFile)}: {data.Trials.Count} finished trials, validation {data.Metric} ({(minimize ? "smaller" : "larger")} is better). Best: trial {data.BestTrial}. Model: {data.ModelFile}. Written {DateTime.UtcNow:u}."));
        page.Heading("Best model against a stock ML.NET trainer")
            .Paragraph($"The best trial's model and {data.Comparison.StockTrainer} trained on the same rows, scored on the same {ReportFormat.Count(data.Comparison.TestRows)} held-out rows that no trial saw.")
            .Table(["Metric", "Hypernetwork (best trial)", data.Comparison.StockTrainer], data.Comparison.Rows())
            .Paragraph(data.Size.Describe())
            .Paragraph($"Best parameters: {data.BestParameter}");

        page.Heading("Trials over time").Charts([OverTime(data, minimize), Curves(data)]);
        page.Heading("Swept parameters against the metric").Charts(ParameterCharts(data));
        page.Heading("Trials").Table(
            ["Trial", "Status", data.Metric, "Seconds", "Parameters"],
            data.Trials.Select(t => (IReadOnlyList<string>)[
                (t.Id == data.BestTrial ? "*" : string.Empty) + t.Id.ToString(CultureInfo.InvariantCulture),
                t.Status.ToString(),
                t.Metric is { } m ? ReportFormat.Number(m) : "-",
                ReportFormat.Number(t.Seconds),
                string.Join("; ", t.Parameters.Select(p => $"{p.Key}={p.Value}")),
            ]));
        page.Heading("Sweep").Table(["Setting", "Value"], data.Settings.Concat(data.Columns).Select(s => (IReadOnlyList<string>)[s.Item1, s.Item2]));
        return page.Render();
    }

    private static SvgChart OverTime(SweepReportData data, bool minimize)
    {
        SweepTrial[] scored = [.. data.Trials.Where(t => t.Metric is not null)];
        var best = new List<(double, double)>();
        double bestSoFar = double.NaN;
        foreach (SweepTrial trial in scored)
        {
            double metric = trial.Metric!.Value;
            if (double.IsNaN(bestSoFar) || (minimize ? metric < bestSoFar : metric > bestSoFar))
            {
                bestSoFar = metric;
            }

            best.Add((trial.MinutesAtEnd, bestSoFar));
        }

        return new SvgChart($"Validation {data.Metric} of every trial", "minutes since the sweep started", data.Metric)
            .Add(new ChartSeries("completed", "#1f77b4", SeriesStyle.Markers, [.. scored.Where(t => t.Status == TrialStatus.Completed).Select(t => (t.MinutesAtEnd, t.Metric!.Value))]))
            .Add(new ChartSeries("stopped early", "#aaaaaa", SeriesStyle.Markers, [.. scored.Where(t => t.Status == TrialStatus.Stopped).Select(t => (t.MinutesAtEnd, t.Metric!.Value))]))
            .Add(new ChartSeries("best so far", "#d62728", SeriesStyle.Step, best));
    }

    private static SvgChart Curves(SweepReportData data)
    {
        var chart = new SvgChart($"Validation {data.Metric} per epoch", "epoch", data.Metric);
        int i = 0;
        foreach (SweepTrial trial in data.Trials.Where(t => t.Curve.Count > 0).TakeLast(MaxCurves))
        {
            string name = trial.Id == data.BestTrial ? $"trial {trial.Id} (best)" : string.Empty;
            chart.Add(new ChartSeries(name, trial.Id == data.BestTrial ? "#d62728" : Palette[i++ % Palette.Length], SeriesStyle.Line, [.. trial.Curve.Select(c => ((double)c.Epoch, c.Metric))]));
        }

        return chart;
    }

    private static IEnumerable<SvgChart> ParameterCharts(SweepReportData data)
    {
        SweepTrial[] scored = [.. data.Trials.Where(t => t.Metric is not null)];
        string[] names = [.. scored.SelectMany(t => t.Parameters.Keys).Distinct().Order(StringComparer.Ordinal)];
        foreach (string name in names)
        {
            (string Value, double Metric)[] points = [.. scored.Where(t => t.Parameters.ContainsKey(name)).Select(t => (t.Parameters[name], t.Metric!.Value))];
            if (points.Select(p => p.Value).Distinct().Count() < 2)
            {
                continue;
            }

            var chart = new SvgChart($"{name} against {data.Metric}", name, data.Metric);
            if (points.All(p => ParameterValues.AsNumber(p.Value) is not null))
            {
                double[] xs = [.. points.Select(p => ParameterValues.AsNumber(p.Value)!.Value)];
                chart.LogX = xs.Min() > 0 && xs.Max() / xs.Min() >= 100;
                chart.Add(new ChartSeries("trial", "#1f77b4", SeriesStyle.Markers, [.. xs.Zip(points, (x, p) => (x, p.Metric))]));
            }
            else
            {
                string[] categories = [.. points.Select(p => p.Value).Distinct().Order(StringComparer.Ordinal)];
                chart.XCategories = categories;
                chart.Add(new ChartSeries("trial", "#1f77b4", SeriesStyle.Markers, [.. points.Select(p => ((double)Array.IndexOf(categories, p.Value), p.Metric))]));
            }

            yield return chart;
        }
    }
}
