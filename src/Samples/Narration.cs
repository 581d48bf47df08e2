using Spectre.Console;

namespace Hypernetworks.Samples;

/// <summary>How a sample explains itself: a heading, paragraphs of plain text, and closing lines.</summary>
public static class Narration
{
    /// <summary>Writes a heading rule with the sample's title.</summary>
    /// <param name="title">The title (plain text).</param>
    public static void Title(string title) =>
        AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());

    /// <summary>Writes a paragraph of plain text, then a blank line.</summary>
    /// <param name="text">The paragraph (plain text).</param>
    public static void Explain(string text)
    {
        AnsiConsole.WriteLine(text);
        AnsiConsole.WriteLine();
    }

    /// <summary>Writes one dimmed line, for paths and side remarks.</summary>
    /// <param name="text">The line (plain text).</param>
    public static void Note(string text) => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(text)}[/]");

    /// <summary>Writes an error line in red to the error stream.</summary>
    /// <param name="text">The line (plain text).</param>
    public static void Error(string text) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).MarkupLine($"[red]{Markup.Escape(text)}[/]");
}
