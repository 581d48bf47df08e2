using Hypernetworks.MLNet.Transforms;

namespace Hypernetworks.MLNet;

/// <summary>
/// The loaders of the transformer types a model file may name. Built-in transformers are registered here; other
/// components (e.g. trainers' prediction transformers) call <see cref="Register"/> once before loading.
/// </summary>
public static class TransformerRegistry
{
    private static readonly Lock RegistryLock = new();

    static TransformerRegistry()
    {
        Registry.Register(ColumnCopyingTransformer.ModelTypeName, ColumnCopyingTransformer.Load);
        Registry.Register(ColumnSelectingTransformer.ModelTypeName, ColumnSelectingTransformer.Load);
        Registry.Register(ColumnConcatenatingTransformer.ModelTypeName, ColumnConcatenatingTransformer.Load);
        Registry.Register(NormalizingTransformer.ModelTypeName, NormalizingTransformer.Load);
        Registry.Register(ValueToKeyMappingTransformer.ModelTypeName, ValueToKeyMappingTransformer.Load);
        Registry.Register(KeyToValueMappingTransformer.ModelTypeName, KeyToValueMappingTransformer.Load);
        Registry.Register(KeyToVectorMappingTransformer.ModelTypeName, KeyToVectorMappingTransformer.Load);
        Registry.Register(HypernetworkTransformer.ModelTypeName, HypernetworkTransformer.Load);
    }

    /// <summary>The registry the model catalog loads with.</summary>
    internal static ModelComponentRegistry<ITransformer> Registry { get; } = new();

    /// <summary>Registers the loader of a transformer type name; registering the same name twice is an error.</summary>
    /// <param name="typeName">The type name the transformer saves its component under.</param>
    /// <param name="loader">Rebuilds the transformer from its saved state.</param>
    public static void Register(string typeName, Func<ModelLoadContext, ITransformer> loader)
    {
        lock (RegistryLock)
        {
            Registry.Register(typeName, loader);
        }
    }

    /// <summary>Whether <paramref name="typeName"/> has a loader.</summary>
    /// <param name="typeName">The type name.</param>
    public static bool IsRegistered(string typeName)
    {
        lock (RegistryLock)
        {
            return Registry.IsRegistered(typeName);
        }
    }
}
