using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hypernetworks.MLNet;

/// <summary>Writes a model archive: each component's entries as it saves them, then the manifest and its checksum.</summary>
internal static class ModelArchiveWriter
{
    public static void Write(Stream stream, IReadOnlyList<SavedColumn> inputSchema, IReadOnlyList<ModelComponent> components)
    {
        using var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var saved = new List<ManifestComponent>(components.Count);
        for (int i = 0; i < components.Count; i++)
        {
            var context = new ModelSaveContext(archive, i, components[i].TypeName);
            components[i].Save(context);
            saved.Add(context.Complete());
        }

        var manifest = new ModelManifest(ModelArchive.CurrentFormatVersion, ModelArchive.LibraryVersion, [.. inputSchema], saved);
        byte[] manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ModelJson.Options);
        WriteEntry(archive, ArchivePaths.Manifest, manifestBytes, CompressionLevel.Optimal);
        WriteEntry(archive, ArchivePaths.ManifestChecksum, Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(manifestBytes))), CompressionLevel.NoCompression);
    }

    public static void Validate(IReadOnlyList<SavedColumn> inputSchema, IReadOnlyList<ModelComponent> components)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        ArgumentNullException.ThrowIfNull(components);
        for (int i = 0; i < inputSchema.Count; i++)
        {
            SavedColumn column = inputSchema[i] ?? throw new ArgumentException($"Input schema column {i} is null.", nameof(inputSchema));
            if (column.Name is null || string.IsNullOrEmpty(column.Type))
            {
                throw new ArgumentException($"Input schema column {i} ('{column.Name}') needs a name and a non-empty type.", nameof(inputSchema));
            }
        }

        for (int i = 0; i < components.Count; i++)
        {
            ModelComponent component = components[i] ?? throw new ArgumentException($"Component {i} is null.", nameof(components));
            if (!ArchivePaths.IsValidTypeName(component.TypeName))
            {
                throw new ArgumentException($"Component {i} has type name '{component.TypeName}'; use 1-{ArchivePaths.MaxTypeNameLength} letters, digits, '_', '.', '+' or '-', not starting with '.'.", nameof(components));
            }

            if (component.Save is null)
            {
                throw new ArgumentException($"Component {i} ('{component.TypeName}') has no save action.", nameof(components));
            }
        }
    }

    private static void WriteEntry(ZipArchive archive, string name, byte[] bytes, CompressionLevel level)
    {
        ZipArchiveEntry entry = archive.CreateEntry(name, level);
        entry.LastWriteTime = ArchivePaths.FixedTimestamp;
        using Stream stream = entry.Open();
        stream.Write(bytes);
    }
}
