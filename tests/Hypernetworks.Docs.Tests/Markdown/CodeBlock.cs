namespace Hypernetworks.Docs.Tests.Markdown;

/// <summary>One fenced code block of a Markdown file.</summary>
/// <param name="File">The Markdown file's name, as diagnostics show it (e.g. README.md).</param>
/// <param name="Line">The 1-based line of the block's first code line (the line after the opening fence).</param>
/// <param name="Language">The fence's info string, lower case ("csharp", "bash", or empty).</param>
/// <param name="Code">The lines between the fences.</param>
/// <param name="Run">True when the line before the fence is the marker <see cref="MarkdownCodeBlocks.RunMarker"/>.</param>
public sealed record CodeBlock(string File, int Line, string Language, string Code, bool Run)
{
    /// <summary>Where the block is, as "README.md:123".</summary>
    public string Where => $"{File}:{Line}";

    /// <summary>True for a C# block (fenced csharp, cs or c#).</summary>
    public bool IsCSharp => Language is "csharp" or "cs" or "c#";
}
