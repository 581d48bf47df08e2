using Hypernetworks.Cli.Reports;
using Spectre.Console;

namespace Hypernetworks.Cli.Output;

/// <summary>Prints the test comparison of the hypernetwork and the stock trainer as a console table.</summary>
internal static class ResultTable
{
    /// <summary>Prints <paramref name="comparison"/>.</summary>
    /// <param name="comparison">The comparison.</param>
    public static void Write(ModelComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var table = new Table().AddColumn("Test metric").AddColumn("Hypernetwork").AddColumn(comparison.StockTrainer);
        foreach (IReadOnlyList<string> row in comparison.Rows())
        {
            table.AddRow([.. row.Select(cell => cell.StartsWith('*') ? $"[bold green]{Markup.Escape(cell[1..])}[/]" : Markup.Escape(cell))]);
        }

        AnsiConsole.Write(table);
    }
}
