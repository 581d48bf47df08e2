using System.Globalization;

namespace Hypernetworks.Cli.Reports;

/// <summary>How numbers read in reports and on the console.</summary>
internal static class ReportFormat
{
    /// <summary>A metric or loss: four significant decimals.</summary>
    /// <param name="value">The value.</param>
    public static string Number(double value) => double.IsFinite(value) ? value.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A count with thousands separators.</summary>
    /// <param name="value">The count.</param>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
