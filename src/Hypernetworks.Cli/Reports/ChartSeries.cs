namespace Hypernetworks.Cli.Reports;

/// <summary>One series of a chart: its name for the legend, its colour, how it is drawn and its points.</summary>
/// <param name="Name">The legend text.</param>
/// <param name="Color">A CSS colour.</param>
/// <param name="Style">How the points are drawn.</param>
/// <param name="Points">The points; those with a non-finite coordinate are left out.</param>
internal sealed record ChartSeries(string Name, string Color, SeriesStyle Style, IReadOnlyList<(double X, double Y)> Points);
