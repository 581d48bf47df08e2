namespace Hypernetworks.Cli.Reports;

/// <summary>How a chart series is drawn.</summary>
internal enum SeriesStyle
{
    /// <summary>A polyline through the points in order.</summary>
    Line,

    /// <summary>A staircase polyline that holds each value until the next point (a best-so-far curve).</summary>
    Step,

    /// <summary>A dot per point.</summary>
    Markers,

    /// <summary>A bar from zero to each point (the y axis then includes zero).</summary>
    Bars,
}
