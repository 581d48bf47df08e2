namespace Hypernetworks.MLNet;

/// <summary>
/// Checks a parsed manifest before any component entry is read: names, kinds, shapes, byte lengths and
/// checksums are well formed, every size is within the limits, and type names are known.
/// </summary>
internal static class ManifestValidator
{
    private const int MaxVersionLength = 64;
    private const int MaxColumnTextLength = 1024;

    public static void Validate(ModelManifest manifest, IReadOnlyCollection<string>? knownTypeNames, ModelArchiveLimits limits)
    {
        if (string.IsNullOrEmpty(manifest.LibraryVersion) || manifest.LibraryVersion.Length > MaxVersionLength)
        {
            throw Fail($"has a 'libraryVersion' that is empty or longer than {MaxVersionLength} characters");
        }

        ValidateSchema(manifest.InputSchema, limits);
        if (manifest.Components.Count > limits.MaxEntries)
        {
            throw Fail($"lists {manifest.Components.Count} components; at most {limits.MaxEntries} are allowed");
        }

        long totalBytes = 0;
        for (int i = 0; i < manifest.Components.Count; i++)
        {
            ManifestComponent component = manifest.Components[i] ?? throw Fail($"has a null component {i}");
            if (!ArchivePaths.IsValidTypeName(component.TypeName))
            {
                throw Fail($"gives component {i} the invalid type name '{ArchivePaths.Printable(component.TypeName)}'");
            }

            if (knownTypeNames is not null && !knownTypeNames.Contains(component.TypeName))
            {
                throw new ModelFormatException($"Component {i} has type '{component.TypeName}', which is not a known component type (known: {string.Join(", ", knownTypeNames.Order(StringComparer.Ordinal))}).");
            }

            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (ManifestEntry? entry in component.Entries)
            {
                if (entry is null)
                {
                    throw Fail($"has a null entry in component {i} ('{component.TypeName}')");
                }

                string what = $"entry '{ArchivePaths.Printable(entry.Name)}' of component {i} ('{component.TypeName}')";
                if (!ArchivePaths.IsValidEntryName(entry.Name))
                {
                    throw Fail($"declares {what} with an invalid name");
                }

                if (!names.Add(entry.Name))
                {
                    throw Fail($"declares {what} twice");
                }

                ValidateEntry(entry, what, limits);
                totalBytes += entry.ByteLength;
                if (totalBytes > limits.MaxTotalBytes)
                {
                    throw Fail($"declares more than {limits.MaxTotalBytes} bytes of entries in total (at {what})");
                }
            }
        }
    }

    private static void ValidateSchema(IReadOnlyList<SavedColumn> schema, ModelArchiveLimits limits)
    {
        if (schema.Count > limits.MaxSchemaColumns)
        {
            throw Fail($"has {schema.Count} input columns; at most {limits.MaxSchemaColumns} are allowed");
        }

        for (int i = 0; i < schema.Count; i++)
        {
            SavedColumn? column = schema[i];
            if (column is null || column.Name is null || column.Name.Length > MaxColumnTextLength
                || string.IsNullOrEmpty(column.Type) || column.Type.Length > MaxColumnTextLength)
            {
                throw Fail($"has input column {i} without a name and type of at most {MaxColumnTextLength} characters");
            }
        }
    }

    private static void ValidateEntry(ManifestEntry entry, string what, ModelArchiveLimits limits)
    {
        if (!Enum.IsDefined(entry.Kind))
        {
            throw Fail($"gives {what} an unknown kind");
        }

        int maxRank = entry.Kind == ModelEntryKind.Float32 ? limits.MaxTensorRank : 1;
        int minRank = entry.Kind == ModelEntryKind.Float32 ? 0 : 1;
        if (entry.Shape.Count < minRank || entry.Shape.Count > maxRank)
        {
            throw Fail($"gives {what} {entry.Shape.Count} dimensions; {entry.Kind} entries have {minRank} to {maxRank}");
        }

        long maxBytes = Math.Min(limits.MaxEntryBytes, Array.MaxLength);
        if (entry.ByteLength < 0 || entry.ByteLength > maxBytes)
        {
            throw Fail($"declares {what} as {entry.ByteLength} bytes; entries hold 0 to {maxBytes}");
        }

        long count = ShapeMath.ElementCount(entry.Shape);
        if (count < 0)
        {
            throw Fail($"gives {what} the shape {ShapeMath.Format(entry.Shape)} with a negative dimension");
        }

        bool lengthFits = entry.Kind switch
        {
            ModelEntryKind.Float32 => count <= maxBytes / sizeof(float) && entry.ByteLength == count * sizeof(float),
            ModelEntryKind.Float64 => count <= maxBytes / sizeof(double) && entry.ByteLength == count * sizeof(double),
            ModelEntryKind.Int64 => count <= maxBytes / sizeof(long) && entry.ByteLength == count * sizeof(long),
            _ => count <= entry.ByteLength / sizeof(int),
        };
        if (!lengthFits)
        {
            throw Fail($"gives {what} the shape {ShapeMath.Format(entry.Shape)} of {entry.Kind}, which does not fit its {entry.ByteLength} bytes");
        }

        if (entry.Sha256 is not { Length: 64 } || !entry.Sha256.All(char.IsAsciiHexDigitLower))
        {
            throw Fail($"gives {what} a SHA-256 that is not 64 lowercase hexadecimal digits");
        }
    }

    private static ModelFormatException Fail(string problem) => new($"{ArchivePaths.Manifest} {problem}.");
}
