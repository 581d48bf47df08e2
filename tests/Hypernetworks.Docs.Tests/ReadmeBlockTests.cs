using Hypernetworks.Docs.Tests.Compiling;
using Hypernetworks.Docs.Tests.Markdown;

namespace Hypernetworks.Docs.Tests;

/// <summary>
/// Every C# block of README.md and src/Hypernetworks.Cli/README.md compiles, and the blocks marked to run, run.
/// <para>The conventions for writing a block:</para>
/// <list type="bullet">
/// <item>Only blocks fenced <c>```csharp</c> (or <c>cs</c>, <c>c#</c>) are compiled; shell and other blocks are skipped.</item>
/// <item>A block is one C# file, like a Program.cs: its <c>using</c> directives, then top-level statements, then any
/// types it declares (e.g. the row class it loads). It compiles on its own, with the implicit usings of a console
/// project (<see cref="BlockSource.ImplicitUsings"/>), nullable on, against the framework, Hypernetworks,
/// Hypernetworks.MLNet, Hypernetworks.TorchSharp, Microsoft.ML and Microsoft.ML.FastTree. Warnings are allowed;
/// errors fail the test with the file, line and compiler message.</item>
/// <item>A block that goes on from variables an earlier block made starts with a comment line naming them as
/// parameters: <c>// Given: Hypernetwork network, TrainingSet train</c>. Its <c>using</c> directives come next (they
/// also resolve the given types); its statements are compiled as the body of an async method taking those
/// parameters, so they may <c>await</c> but cannot declare types.</item>
/// <item>A block that needs no files and runs in a few seconds can be run as well: put
/// <c>&lt;!-- csharp: run --&gt;</c> alone on the line before its fence. It fails the test if it throws.</item>
/// </list>
/// </summary>
public sealed class ReadmeBlockTests
{
    /// <summary>The C# blocks, by where they are.</summary>
    public static TheoryData<string> CSharpBlocks => [.. RepositoryFiles.Blocks.Where(b => b.IsCSharp).Select(b => b.Where)];

    /// <summary>The C# blocks marked to run.</summary>
    public static TheoryData<string> RunnableBlocks => [.. RepositoryFiles.Blocks.Where(b => b.IsCSharp && b.Run).Select(b => b.Where)];

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public void Block_Compiles(string where)
    {
        BlockCompilation compilation = BlockCompiler.Compile(Find(where));

        Assert.True(compilation.Succeeded, $"The C# block at {where} does not compile:\n{compilation.Report()}");
    }

    [Theory]
    [MemberData(nameof(RunnableBlocks))]
    public void Block_Runs(string where)
    {
        BlockCompilation compilation = BlockCompiler.Compile(Find(where));

        BlockRunner.Run(compilation);
    }

    [Fact]
    public void Readme_HasCSharpBlocksAndSomeRun()
    {
        CodeBlock[] readme = [.. RepositoryFiles.Blocks.Where(b => b.File == "README.md" && b.IsCSharp)];

        Assert.True(readme.Length >= 5, $"README.md has only {readme.Length} C# blocks.");
        Assert.Contains(readme, b => b.Run);
    }

    [Theory]
    [InlineData("dotnet run -c Release --project src/Samples")]
    [InlineData("dotnet test Hypernetworks.MLNet.sln -c Release")]
    public void Readme_ShowsTheQuickStartCommandAlone(string command)
    {
        Assert.Contains(RepositoryFiles.Blocks, b => b.File == "README.md" && !b.IsCSharp && b.Code.Trim() == command);
    }

    private static CodeBlock Find(string where) => RepositoryFiles.Blocks.Single(b => b.Where == where);
}
