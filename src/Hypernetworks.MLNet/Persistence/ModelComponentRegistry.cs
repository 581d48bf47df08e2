namespace Hypernetworks.MLNet;

/// <summary>
/// Maps the type names found in model archives to the loaders that rebuild components from their saved
/// state. Only registered names can be loaded: nothing is ever created by reflection on a name read from a
/// file. Register all loaders before loading; registration is not meant to race with loading.
/// </summary>
/// <typeparam name="T">What the loaders build, e.g. a transformer interface.</typeparam>
public sealed class ModelComponentRegistry<T>
    where T : class
{
    private readonly Dictionary<string, Func<ModelLoadContext, T>> _loaders = new(StringComparer.Ordinal);

    /// <summary>The registered type names.</summary>
    public IReadOnlyCollection<string> TypeNames => _loaders.Keys;

    /// <summary>Registers the loader of one type name.</summary>
    /// <param name="typeName">The name components of this type are saved under.</param>
    /// <param name="loader">Rebuilds a component from its saved state.</param>
    public void Register(string typeName, Func<ModelLoadContext, T> loader)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(loader);
        if (!ArchivePaths.IsValidTypeName(typeName))
        {
            throw new ArgumentException($"Type name '{typeName}' is not valid; use 1-{ArchivePaths.MaxTypeNameLength} letters, digits, '_', '.', '+' or '-', not starting with '.'.", nameof(typeName));
        }

        if (!_loaders.TryAdd(typeName, loader))
        {
            throw new ArgumentException($"Type name '{typeName}' is already registered.", nameof(typeName));
        }
    }

    /// <summary>Whether a loader is registered under this name.</summary>
    /// <param name="typeName">The type name.</param>
    public bool IsRegistered(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        return _loaders.ContainsKey(typeName);
    }

    /// <summary>Loads and validates an archive, rejecting unregistered type names before any entry is read.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="limits">Size limits; default when null.</param>
    public LoadedModelArchive LoadArchive(string path, ModelArchiveLimits? limits = null) => ModelArchive.Load(path, TypeNames, limits);

    /// <summary>Loads and validates an archive from a stream, rejecting unregistered type names.</summary>
    /// <param name="stream">The archive bytes.</param>
    /// <param name="limits">Size limits; default when null.</param>
    public LoadedModelArchive LoadArchive(Stream stream, ModelArchiveLimits? limits = null) => ModelArchive.Load(stream, TypeNames, limits);

    /// <summary>
    /// Builds one component with the loader of its type name. A loader's own error about bad saved values
    /// (an argument, format or state error) is reported as a <see cref="ModelFormatException"/>.
    /// </summary>
    /// <param name="context">The component's saved state.</param>
    /// <exception cref="ModelFormatException">The type name is not registered, or the saved state is invalid.</exception>
    public T Create(ModelLoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_loaders.TryGetValue(context.TypeName, out Func<ModelLoadContext, T>? loader))
        {
            throw new ModelFormatException($"Component {context.ComponentIndex} has type '{context.TypeName}', which has no registered loader.");
        }

        try
        {
            return loader(context) ?? throw new ModelFormatException($"The loader of component {context.ComponentIndex} ('{context.TypeName}') returned null.");
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            throw new ModelFormatException($"Component {context.ComponentIndex} ('{context.TypeName}') could not be built from its saved state: {ex.Message}", ex);
        }
    }

    /// <summary>Builds every component of an archive, in order.</summary>
    /// <param name="archive">A loaded archive.</param>
    public IReadOnlyList<T> CreateAll(LoadedModelArchive archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var result = new T[archive.Components.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Create(archive.Components[i]);
        }

        return result;
    }
}
