using Hypernetworks.Docs.Tests.Compiling;
using Hypernetworks.Docs.Tests.Markdown;

namespace Hypernetworks.Docs.Tests;

/// <summary>The block checker itself: it reports broken blocks at their Markdown lines, and passes good ones.</summary>
public sealed class BlockCompilerTests
{
    private const string Document = """
        # Title

        ```bash
        dotnet build
        ```

        Text.

        ```csharp
        using Hypernetworks.Model;

        var spec = new HypernetworkSpec { ConditioningSize = 2 };
        int broken = "not a number";
        ```

        ```csharp
        // Given: Hypernetwork network
        using Hypernetworks.Model;

        long count = network.ParameterCount;
        string wrong = network.NoSuchMember;
        ```

        <!-- csharp: run -->
        ```csharp
        throw new InvalidOperationException("the block ran");
        ```
        """;

    private static readonly IReadOnlyList<CodeBlock> s_blocks = MarkdownCodeBlocks.Parse("DOC.md", Document);

    [Fact]
    public void Parse_FindsEveryFenceWithItsLanguageLineAndRunMarker()
    {
        Assert.Equal(["bash", "csharp", "csharp", "csharp"], s_blocks.Select(b => b.Language));
        Assert.Equal([4, 10, 17, 26], s_blocks.Select(b => b.Line));
        Assert.Equal([false, false, false, true], s_blocks.Select(b => b.Run));
        Assert.False(s_blocks[0].IsCSharp);
    }

    [Fact]
    public void Parse_FailsOnAFenceNeverClosed()
    {
        var error = Assert.Throws<FormatException>(() => MarkdownCodeBlocks.Parse("DOC.md", "text\n```csharp\nint x = 1;\n"));

        Assert.Contains("DOC.md:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ReportsABrokenBlockAtItsMarkdownLine()
    {
        BlockCompilation compilation = BlockCompiler.Compile(s_blocks[1]);

        Assert.False(compilation.Succeeded);
        Assert.Contains("DOC.md:13:", compilation.Report(), StringComparison.Ordinal);
        Assert.Contains("CS0029", compilation.Report(), StringComparison.Ordinal);
        Assert.DoesNotContain("DOC.md:12:", compilation.Report(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ReportsABrokenGivenBlockAtItsMarkdownLine()
    {
        BlockCompilation compilation = BlockCompiler.Compile(s_blocks[2]);

        Assert.Single(compilation.Errors);
        Assert.StartsWith("DOC.md:21:", compilation.Report(), StringComparison.Ordinal);
        Assert.Contains("NoSuchMember", compilation.Report(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_PassesAGoodGivenBlock()
    {
        var block = new CodeBlock("DOC.md", 1, "csharp", "// Given: Hypernetwork network, CancellationToken token\nusing Hypernetworks.Model;\n\nawait Task.Delay(0, token);\nlong count = network.ParameterCount;", Run: false);

        BlockCompilation compilation = BlockCompiler.Compile(block);

        Assert.True(compilation.Succeeded, compilation.Report());
    }

    [Fact]
    public void Compile_ReportsAGivenTypeThatDoesNotResolveAtTheGivenLine()
    {
        var block = new CodeBlock("DOC.md", 7, "csharp", "// Given: NoSuchType thing\nint x = 1;", Run: false);

        BlockCompilation compilation = BlockCompiler.Compile(block);

        Assert.Contains("DOC.md:7:", compilation.Report(), StringComparison.Ordinal);
        Assert.Contains("NoSuchType", compilation.Report(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ThrowsWhatTheBlockThrows()
    {
        BlockCompilation compilation = BlockCompiler.Compile(s_blocks[3]);

        var error = Assert.Throws<InvalidOperationException>(() => BlockRunner.Run(compilation));

        Assert.Equal("the block ran", error.Message);
    }

    [Fact]
    public void Run_RunsAProgramBlockToItsEnd()
    {
        var block = new CodeBlock("DOC.md", 1, "csharp", "using Hypernetworks.Model;\nvar spec = new HypernetworkSpec { ConditioningSize = 2, InputSize = 1, TargetLayerSizes = [(1, 1)] };\nif (spec.TargetParameterCount() != 2) throw new InvalidOperationException(\"wrong count\");", Run: true);

        BlockRunner.Run(BlockCompiler.Compile(block));
    }
}
