using Microsoft.ML;
using Microsoft.ML.Data;

namespace Hypernetworks.Cli.Data;

/// <summary>ML.NET's text loader set up for the tool's CSV files: comma-separated, a header row, quoted fields, and empty numbers read as NaN (so that a missing value is an error naming its column, not a silent 0).</summary>
internal static class CsvLoading
{
    /// <summary>Loads <paramref name="columns"/> from <paramref name="path"/>.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="columns">The columns to load.</param>
    /// <param name="path">The CSV file.</param>
    public static IDataView Load(MLContext mlContext, TextLoader.Column[] columns, string path)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        var options = new TextLoader.Options
        {
            Columns = columns,
            Separators = [','],
            HasHeader = true,
            AllowQuoting = true,
            TrimWhitespace = true,
            MissingRealsAsNaNs = true,
        };
        return mlContext.Data.CreateTextLoader(options).Load(path);
    }
}
