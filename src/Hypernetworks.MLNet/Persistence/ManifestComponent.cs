using System.Text.Json;

namespace Hypernetworks.MLNet;

/// <summary>One component as the manifest records it.</summary>
/// <param name="TypeName">The registered type name of the component's loader.</param>
/// <param name="Options">The component's options as JSON, or null when it saved none.</param>
/// <param name="Entries">The component's binary entries.</param>
internal sealed record ManifestComponent(string TypeName, JsonElement? Options, IReadOnlyList<ManifestEntry> Entries);
