namespace Hypernetworks.Cli.Data;

/// <summary>One column of a CSV file: its header name, its position and what its values look like.</summary>
/// <param name="Name">The header name.</param>
/// <param name="Index">The 0-based position.</param>
/// <param name="Kind">What its first rows hold.</param>
internal sealed record CsvColumn(string Name, int Index, ColumnKind Kind);
