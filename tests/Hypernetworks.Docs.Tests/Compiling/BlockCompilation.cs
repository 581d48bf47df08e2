using System.Globalization;
using Hypernetworks.Docs.Tests.Markdown;
using Microsoft.CodeAnalysis;

namespace Hypernetworks.Docs.Tests.Compiling;

/// <summary>The outcome of compiling one block: its errors, or the assembly.</summary>
/// <param name="Block">The block.</param>
/// <param name="Errors">The compiler's errors (warnings are not counted).</param>
/// <param name="Image">The compiled assembly when there were no errors.</param>
public sealed record BlockCompilation(CodeBlock Block, IReadOnlyList<Diagnostic> Errors, byte[]? Image)
{
    /// <summary>True when the block compiled.</summary>
    public bool Succeeded => Errors.Count == 0 && Image is not null;

    /// <summary>One line per error, each as "README.md:LINE:COLUMN: error ID: message".</summary>
    /// <returns>The report.</returns>
    public string Report() => string.Join('\n', Errors.Select(Format));

    private static string Format(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetMappedLineSpan();
        return string.Create(CultureInfo.InvariantCulture, $"{span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}: error {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
    }
}
