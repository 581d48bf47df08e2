namespace Hypernetworks.Docs.Tests.Markdown;

/// <summary>Finds the fenced code blocks (``` or ~~~) of a Markdown text, with the line each starts on.</summary>
public static class MarkdownCodeBlocks
{
    /// <summary>The HTML comment that, alone on the line before a C# block's fence, asks the tests to run the block too.</summary>
    public const string RunMarker = "<!-- csharp: run -->";

    /// <summary>Reads every fenced block of <paramref name="markdown"/>.</summary>
    /// <param name="file">The file's name, for <see cref="CodeBlock.File"/>.</param>
    /// <param name="markdown">The Markdown text.</param>
    /// <returns>The blocks in order.</returns>
    /// <exception cref="FormatException">A fence is never closed.</exception>
    public static IReadOnlyList<CodeBlock> Parse(string file, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        string[] lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<CodeBlock>();
        for (int i = 0; i < lines.Length; i++)
        {
            string opening = lines[i].TrimStart();
            if (!opening.StartsWith("```", StringComparison.Ordinal) && !opening.StartsWith("~~~", StringComparison.Ordinal))
            {
                continue;
            }

            string fence = opening[..3];
            string language = opening[3..].Trim().ToLowerInvariant();
            bool run = i > 0 && lines[i - 1].Trim() == RunMarker;
            int end = Array.FindIndex(lines, i + 1, l => l.TrimStart().StartsWith(fence, StringComparison.Ordinal) && l.Trim().Trim(fence[0]).Length == 0);
            if (end < 0)
            {
                throw new FormatException($"{file}:{i + 1}: the code fence opened here is never closed.");
            }

            blocks.Add(new CodeBlock(file, i + 2, language, string.Join('\n', lines[(i + 1)..end]), run));
            i = end;
        }

        return blocks;
    }
}
