namespace Hypernetworks.MLNet;

/// <summary>The content of <c>manifest.json</c>: everything about a model archive except the entry bytes.</summary>
/// <param name="FormatVersion">The archive format version.</param>
/// <param name="LibraryVersion">The version of the library that wrote the archive.</param>
/// <param name="InputSchema">The columns the saved model reads.</param>
/// <param name="Components">The saved components, in pipeline order.</param>
internal sealed record ModelManifest(
    int FormatVersion,
    string LibraryVersion,
    IReadOnlyList<SavedColumn> InputSchema,
    IReadOnlyList<ManifestComponent> Components);
