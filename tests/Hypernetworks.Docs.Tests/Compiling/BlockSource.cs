using System.Text;
using Hypernetworks.Docs.Tests.Markdown;

namespace Hypernetworks.Docs.Tests.Compiling;

/// <summary>
/// Turns a C# block into the C# file that is compiled, with <c>#line</c> directives so that every diagnostic names the
/// Markdown file and its line. The conventions are described on <see cref="ReadmeBlockTests"/>.
/// </summary>
public static class BlockSource
{
    /// <summary>The comment that, as a block's first line, lists the variables the block takes as given.</summary>
    public const string GivenPrefix = "// Given:";

    /// <summary>The usings every block has, as a .NET console project has them (ImplicitUsings).</summary>
    public const string ImplicitUsings =
        "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\n" +
        "global using System.Net.Http;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";

    /// <summary>The given variables of a block, as a parameter list ("Hypernetwork network, TrainingSet train"), or null.</summary>
    /// <param name="block">The block.</param>
    /// <returns>The parameter list, or null when the block takes nothing as given.</returns>
    public static string? Given(CodeBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        string first = block.Code.Split('\n')[0].Trim();
        return first.StartsWith(GivenPrefix, StringComparison.Ordinal) ? first[GivenPrefix.Length..].Trim().TrimEnd('.') : null;
    }

    /// <summary>
    /// The file to compile: the block as it is (a program of top-level statements), or, for a block with given
    /// variables, its usings and then its statements as the body of an async method that takes those variables.
    /// </summary>
    /// <param name="block">The block.</param>
    /// <returns>The C# source.</returns>
    public static string Build(CodeBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        string? given = Given(block);
        if (given is null)
        {
            return $"#line {block.Line} \"{block.File}\"\n{block.Code}\n";
        }

        string[] lines = block.Code.Split('\n');
        int body = 1;
        while (body < lines.Length && IsUsingOrBlank(lines[body]))
        {
            body++;
        }

        var source = new StringBuilder();
        source.Append($"#line {block.Line + 1} \"{block.File}\"\n");
        foreach (string line in lines[1..body])
        {
            source.Append(line).Append('\n');
        }

        source.Append($"#line {block.Line} \"{block.File}\"\n");
        source.Append($"internal static class GivenBlock {{ internal static async Task RunAsync({given}) {{ await Task.CompletedTask;\n");
        source.Append($"#line {block.Line + body} \"{block.File}\"\n");
        foreach (string line in lines[body..])
        {
            source.Append(line).Append('\n');
        }

        source.Append("#line hidden\n} }\n");
        return source.ToString();
    }

    private static bool IsUsingOrBlank(string line)
    {
        string trimmed = line.Trim();
        return trimmed.Length == 0
            || (trimmed.StartsWith("using ", StringComparison.Ordinal) && trimmed.EndsWith(';') && !trimmed.Contains('(', StringComparison.Ordinal) && !trimmed.Contains('=', StringComparison.Ordinal) && !trimmed.StartsWith("using var ", StringComparison.Ordinal));
    }
}
