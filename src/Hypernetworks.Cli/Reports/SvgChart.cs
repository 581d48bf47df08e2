using System.Globalization;
using System.Net;
using System.Text;

namespace Hypernetworks.Cli.Reports;

/// <summary>
/// A chart drawn as inline SVG, so a report needs no script and no network: axes with rounded ticks and grid lines,
/// polylines, staircases and dots, an optional logarithmic or categorical x axis, and a legend.
/// </summary>
internal sealed class SvgChart
{
    private const double Left = 64;
    private const double Right = 16;
    private const double Top = 36;
    private const double Bottom = 48;

    private readonly List<ChartSeries> _series = [];

    /// <summary>Creates an empty chart.</summary>
    /// <param name="title">The title above the plot.</param>
    /// <param name="xLabel">The x axis label.</param>
    /// <param name="yLabel">The y axis label.</param>
    public SvgChart(string title, string xLabel, string yLabel)
    {
        Title = title;
        XLabel = xLabel;
        YLabel = yLabel;
    }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets the x axis label.</summary>
    public string XLabel { get; }

    /// <summary>Gets the y axis label.</summary>
    public string YLabel { get; }

    /// <summary>Gets or sets whether the x axis is logarithmic (positive x only).</summary>
    public bool LogX { get; set; }

    /// <summary>Gets or sets the names of a categorical x axis: point x values are then indices into it.</summary>
    public IReadOnlyList<string>? XCategories { get; set; }

    /// <summary>Adds a series.</summary>
    /// <param name="series">The series.</param>
    public SvgChart Add(ChartSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        _series.Add(series);
        return this;
    }

    /// <summary>Renders the chart as an <c>svg</c> element.</summary>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    public string Render(int width = 560, int height = 320)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Encode(Title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"20\" text-anchor=\"middle\" class=\"title\">{Encode(Title)}</text>");
        (double X, double Y)[] all = [.. _series.SelectMany(s => Visible(s.Points))];
        if (all.Length == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"{height / 2}\" text-anchor=\"middle\">no data</text></svg>");
            return svg.ToString();
        }

        var x = Axis.Fit(all.Select(p => Project(p.X)), XCategories is not null);
        bool bars = _series.Any(s => s.Style == SeriesStyle.Bars);
        var y = Axis.Fit(bars ? all.Select(p => p.Y).Append(0) : all.Select(p => p.Y), categorical: false);
        double plotWidth = width - Left - Right;
        double plotHeight = height - Top - Bottom;
        double Px(double v) => Left + ((Project(v) - x.Min) / (x.Max - x.Min) * plotWidth);
        double Py(double v) => Top + plotHeight - ((v - y.Min) / (y.Max - y.Min) * plotHeight);

        DrawGrid(svg, x, y, plotWidth, plotHeight, height);
        foreach (ChartSeries series in _series)
        {
            (double X, double Y)[] points = [.. Visible(series.Points)];
            if (points.Length == 0)
            {
                continue;
            }

            if (series.Style == SeriesStyle.Bars)
            {
                double barWidth = plotWidth / (x.Max - x.Min) * 0.5;
                foreach ((double px, double py) in points)
                {
                    double top = Math.Min(Py(py), Py(0));
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Px(px) - (barWidth / 2):F1}\" y=\"{top:F1}\" width=\"{barWidth:F1}\" height=\"{Math.Abs(Py(py) - Py(0)):F1}\" fill=\"{series.Color}\"/>");
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Px(px):F1}\" y=\"{top - 4:F1}\" text-anchor=\"middle\">{Encode(Format(py))}</text>");
                }

                continue;
            }

            if (series.Style == SeriesStyle.Markers)
            {
                foreach ((double px, double py) in points)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Px(px):F1}\" cy=\"{Py(py):F1}\" r=\"3.5\" fill=\"{series.Color}\" fill-opacity=\"0.75\"/>");
                }

                continue;
            }

            var path = new StringBuilder();
            for (int i = 0; i < points.Length; i++)
            {
                if (series.Style == SeriesStyle.Step && i > 0)
                {
                    path.Append(CultureInfo.InvariantCulture, $"{Px(points[i].X):F1},{Py(points[i - 1].Y):F1} ");
                }

                path.Append(CultureInfo.InvariantCulture, $"{Px(points[i].X):F1},{Py(points[i].Y):F1} ");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{path.ToString().TrimEnd()}\" fill=\"none\" stroke=\"{series.Color}\" stroke-width=\"2\"/>");
        }

        DrawLegend(svg, width);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Format(double value) =>
        Math.Abs(value) is >= 1e4 or (< 1e-3 and > 0) ? value.ToString("0.##E+0", CultureInfo.InvariantCulture) : value.ToString("0.####", CultureInfo.InvariantCulture);

    private IEnumerable<(double X, double Y)> Visible(IEnumerable<(double X, double Y)> points) =>
        points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y) && (!LogX || p.X > 0));

    private double Project(double x) => LogX ? Math.Log10(x) : x;

    private void DrawGrid(StringBuilder svg, Axis x, Axis y, double plotWidth, double plotHeight, int height)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"none\" stroke=\"#999\"/>");
        foreach (double tick in y.Ticks)
        {
            double py = Top + plotHeight - ((tick - y.Min) / (y.Max - y.Min) * plotHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{py:F1}\" x2=\"{Left + plotWidth}\" y2=\"{py:F1}\" stroke=\"#e5e5e5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{py + 4:F1}\" text-anchor=\"end\">{Encode(Format(tick))}</text>");
        }

        foreach (double tick in x.Ticks)
        {
            double px = Left + ((tick - x.Min) / (x.Max - x.Min) * plotWidth);
            string label = XCategories is { } names
                ? (int)tick >= 0 && (int)tick < names.Count ? names[(int)tick] : string.Empty
                : Format(LogX ? Math.Pow(10, tick) : tick);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{px:F1}\" y1=\"{Top}\" x2=\"{px:F1}\" y2=\"{Top + plotHeight}\" stroke=\"#f0f0f0\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{px:F1}\" y=\"{Top + plotHeight + 16}\" text-anchor=\"middle\">{Encode(label)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + (plotWidth / 2)}\" y=\"{height - 8}\" text-anchor=\"middle\" class=\"axis\">{Encode(XLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{Top + (plotHeight / 2)}\" text-anchor=\"middle\" class=\"axis\" transform=\"rotate(-90 14 {Top + (plotHeight / 2)})\">{Encode(YLabel)}</text>");
    }

    private void DrawLegend(StringBuilder svg, int width)
    {
        double x = width - Right - 8;
        for (int i = _series.Count - 1; i >= 0; i--)
        {
            ChartSeries series = _series[i];
            if (series.Name.Length == 0)
            {
                continue;
            }

            double textWidth = (series.Name.Length * 6.5) + 22;
            x -= textWidth;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:F1}\" y=\"{Top + 6}\" width=\"12\" height=\"4\" fill=\"{series.Color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 16:F1}\" y=\"{Top + 12}\" class=\"legend\">{Encode(series.Name)}</text>");
        }
    }
}
