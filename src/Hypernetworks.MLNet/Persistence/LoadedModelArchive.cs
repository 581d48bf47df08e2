namespace Hypernetworks.MLNet;

/// <summary>A model archive that was read and fully validated; its components are ready for their loaders.</summary>
public sealed class LoadedModelArchive
{
    internal LoadedModelArchive(int formatVersion, string libraryVersion, IReadOnlyList<SavedColumn> inputSchema, IReadOnlyList<ModelLoadContext> components)
    {
        FormatVersion = formatVersion;
        LibraryVersion = libraryVersion;
        InputSchema = inputSchema;
        Components = components;
    }

    /// <summary>The archive format version.</summary>
    public int FormatVersion { get; }

    /// <summary>The version of the library that wrote the archive.</summary>
    public string LibraryVersion { get; }

    /// <summary>The input columns the saved model reads.</summary>
    public IReadOnlyList<SavedColumn> InputSchema { get; }

    /// <summary>The saved components in order, each with its type name and saved state.</summary>
    public IReadOnlyList<ModelLoadContext> Components { get; }
}
