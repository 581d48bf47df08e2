using Hypernetworks.Docs.Tests.Markdown;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hypernetworks.Docs.Tests.Compiling;

/// <summary>
/// Compiles C# blocks in process with Roslyn, against the assemblies this test project runs with: the framework,
/// Hypernetworks, Hypernetworks.MLNet, Hypernetworks.TorchSharp, Microsoft.ML (with FastTree) and their dependencies.
/// </summary>
public static class BlockCompiler
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>Compiles one C# block (see <see cref="BlockSource"/> for how it becomes a file).</summary>
    /// <param name="block">The block.</param>
    /// <returns>Its errors, or its assembly.</returns>
    public static BlockCompilation Compile(CodeBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        bool program = BlockSource.Given(block) is null;
        SyntaxTree[] trees =
        [
            CSharpSyntaxTree.ParseText(BlockSource.ImplicitUsings, s_parseOptions, path: "ImplicitUsings.cs"),
            CSharpSyntaxTree.ParseText(BlockSource.Build(block), s_parseOptions, path: block.File),
        ];
        var compilation = CSharpCompilation.Create(
            "DocsBlock_" + block.Line,
            trees,
            s_references.Value,
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(image);
        Diagnostic[] errors = [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)];
        return new BlockCompilation(block, errors, result.Success ? image.ToArray() : null);
    }

    private static List<MetadataReference> LoadReferences()
    {
        string paths = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("The runtime gives no trusted platform assemblies to compile against.");
        return [.. paths.Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(p))
            .Select(p => MetadataReference.CreateFromFile(p))];
    }
}
