using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Hypernetworks.Cli.Data;

/// <summary>The header of a CSV file and the kind of each column, inferred from its first rows.</summary>
internal sealed class CsvTable
{
    /// <summary>How many rows are read to infer the column kinds.</summary>
    public const int InferenceRows = 1000;

    private CsvTable(string path, IReadOnlyList<CsvColumn> columns)
    {
        Path = path;
        Columns = columns;
    }

    /// <summary>Gets the file.</summary>
    public string Path { get; }

    /// <summary>Gets the columns in file order.</summary>
    public IReadOnlyList<CsvColumn> Columns { get; }

    /// <summary>Reads the header and the first rows of <paramref name="path"/>.</summary>
    /// <param name="path">A comma-separated file with a header row.</param>
    public static CsvTable Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw CliException.InvalidInput($"The data file '{path}' does not exist.");
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectColumnCountChanges = true });
        string[] header;
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } names)
            {
                throw CliException.InvalidInput($"The data file '{path}' is empty: it needs a header row and data rows.");
            }

            header = [.. names.Select(n => n.Trim())];
            CheckHeader(path, header);
            var samples = new List<string>[header.Length];
            for (int i = 0; i < header.Length; i++)
            {
                samples[i] = [];
            }

            int rows = 0;
            while (rows < InferenceRows && csv.Read())
            {
                rows++;
                for (int i = 0; i < header.Length; i++)
                {
                    samples[i].Add(csv.GetField(i)?.Trim() ?? string.Empty);
                }
            }

            if (rows == 0)
            {
                throw CliException.InvalidInput($"The data file '{path}' has a header but no data rows.");
            }

            CsvColumn[] columns = [.. header.Select((name, i) => new CsvColumn(name, i, Infer(samples[i])))];
            return new CsvTable(path, columns);
        }
        catch (BadDataException e)
        {
            throw CliException.InvalidInput($"The data file '{path}' is not valid CSV at row {e.Context?.Parser?.Row}: {e.Message.Split('\n')[0].Trim()}");
        }
        catch (CsvHelperException e)
        {
            throw CliException.InvalidInput($"The data file '{path}' could not be read as CSV at row {e.Context?.Parser?.Row}: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>The column named <paramref name="name"/> (exactly, or ignoring case when that is unique).</summary>
    /// <param name="name">The header name.</param>
    /// <param name="option">The option that named it, for the message.</param>
    public CsvColumn Find(string name, string option)
    {
        CsvColumn? exact = Columns.FirstOrDefault(c => c.Name == name);
        if (exact is not null)
        {
            return exact;
        }

        CsvColumn[] loose = [.. Columns.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))];
        return loose.Length == 1
            ? loose[0]
            : throw CliException.InvalidInput($"{option}: the data file '{Path}' has no column '{name}'. Its columns are: {string.Join(", ", Columns.Select(c => c.Name))}.");
    }

    private static void CheckHeader(string path, string[] header)
    {
        for (int i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0)
            {
                throw CliException.InvalidInput($"The data file '{path}' has an empty column name at position {i + 1} of its header.");
            }

            if (Array.IndexOf(header, header[i]) != i)
            {
                throw CliException.InvalidInput($"The data file '{path}' names the column '{header[i]}' twice in its header.");
            }
        }
    }

    private static ColumnKind Infer(List<string> values)
    {
        IEnumerable<string> present = values.Where(v => v.Length > 0);
        if (!present.Any())
        {
            return ColumnKind.Numeric;
        }

        if (present.All(v => bool.TryParse(v, out _)))
        {
            return ColumnKind.Boolean;
        }

        return present.All(v => float.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) ? ColumnKind.Numeric : ColumnKind.Text;
    }
}
