using Hypernetworks.Docs.Tests.Markdown;

namespace Hypernetworks.Docs.Tests;

/// <summary>The Markdown files whose C# blocks are tested, read from the repository this test was built in.</summary>
public static class RepositoryFiles
{
    /// <summary>The files, relative to the repository's root.</summary>
    public static IReadOnlyList<string> Documents { get; } = ["README.md", "src/Hypernetworks.Cli/README.md"];

    /// <summary>The repository's root: the nearest folder above the test's output that holds the solution.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Every fenced block of every file in <see cref="Documents"/>.</summary>
    public static IReadOnlyList<CodeBlock> Blocks { get; } =
        [.. Documents.SelectMany(d => MarkdownCodeBlocks.Parse(d, File.ReadAllText(Path.Combine(Root, d))))];

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Hypernetworks.MLNet.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Hypernetworks.MLNet.sln.");
    }
}
