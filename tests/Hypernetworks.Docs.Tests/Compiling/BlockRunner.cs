using System.Reflection;
using System.Runtime.Loader;

namespace Hypernetworks.Docs.Tests.Compiling;

/// <summary>Runs a compiled program block's entry point in a collectible load context.</summary>
public static class BlockRunner
{
    /// <summary>Runs the block and waits for it; the block's own exception is thrown if it fails.</summary>
    /// <param name="compilation">A block that compiled as a program (no given variables).</param>
    public static void Run(BlockCompilation compilation)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        if (!compilation.Succeeded)
        {
            throw new ArgumentException($"{compilation.Block.Where} did not compile:\n{compilation.Report()}", nameof(compilation));
        }

        var context = new AssemblyLoadContext(compilation.Block.Where, isCollectible: true);
        try
        {
            using var image = new MemoryStream(compilation.Image!);
            MethodInfo entry = context.LoadFromStream(image).EntryPoint
                ?? throw new ArgumentException($"{compilation.Block.Where} has no entry point: a block with given variables cannot run.", nameof(compilation));
            object?[]? arguments = entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()];
            try
            {
                (entry.Invoke(null, arguments) as Task)?.GetAwaiter().GetResult();
            }
            catch (TargetInvocationException error) when (error.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error.InnerException).Throw();
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
