using System.Text.Json;

namespace Hypernetworks.MLNet;

/// <summary>
/// The saved state of one component of a loaded model archive: its options and its named entries, all
/// validated (lengths, shapes, checksums) before the context was made. Every getter throws
/// <see cref="ModelFormatException"/>, naming the component and entry, when what was saved is not what the
/// loader asks for.
/// </summary>
public sealed class ModelLoadContext
{
    private readonly JsonElement? _options;
    private readonly Dictionary<string, LoadedEntry> _entries;

    internal ModelLoadContext(int componentIndex, string typeName, JsonElement? options, Dictionary<string, LoadedEntry> entries)
    {
        ComponentIndex = componentIndex;
        TypeName = typeName;
        _options = options;
        _entries = entries;
    }

    /// <summary>The position of the component in the archive.</summary>
    public int ComponentIndex { get; }

    /// <summary>The type name the component was saved under.</summary>
    public string TypeName { get; }

    /// <summary>Whether the component saved options.</summary>
    public bool HasOptions => _options is not null;

    /// <summary>The names of the component's entries.</summary>
    public IReadOnlyCollection<string> EntryNames => _entries.Keys;

    /// <summary>Whether the component saved an entry of this name.</summary>
    /// <param name="name">The entry name (exact case).</param>
    public bool HasEntry(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _entries.ContainsKey(name);
    }

    /// <summary>Reads the component's options back.</summary>
    /// <typeparam name="T">The type that was given to <see cref="ModelSaveContext.SetOptions{T}"/>.</typeparam>
    /// <exception cref="ModelFormatException">No options were saved, or they do not match <typeparamref name="T"/>.</exception>
    public T GetOptions<T>()
    {
        if (_options is not JsonElement options)
        {
            throw new ModelFormatException($"{Describe()} has no options in manifest.json.");
        }

        try
        {
            return options.Deserialize<T>(ModelJson.Options)
                ?? throw new ModelFormatException($"{Describe()} has null options in manifest.json.");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            throw new ModelFormatException($"The options of {Describe()} in manifest.json are not valid {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    /// <summary>The shape of a float tensor entry.</summary>
    /// <param name="name">The entry name.</param>
    public int[] GetTensorShape(string name) => (int[])Get(name, ModelEntryKind.Float32).Shape.Clone();

    /// <summary>Reads a float tensor whose shape must equal <paramref name="expectedShape"/> (empty for a scalar).</summary>
    /// <param name="name">The entry name.</param>
    /// <param name="expectedShape">The shape the loader expects, e.g. from the component's options.</param>
    /// <exception cref="ModelFormatException">The entry is missing, not a float tensor, or has another shape.</exception>
    public float[] GetTensor(string name, params int[] expectedShape)
    {
        ArgumentNullException.ThrowIfNull(expectedShape);
        LoadedEntry entry = Get(name, ModelEntryKind.Float32);
        if (!entry.Shape.AsSpan().SequenceEqual(expectedShape))
        {
            throw new ModelFormatException($"Entry '{name}' of {Describe()} has shape [{string.Join(", ", entry.Shape)}]; expected [{string.Join(", ", expectedShape)}].");
        }

        return LittleEndianCodec.FromBytes<float>(entry.Bytes);
    }

    /// <summary>Reads a list of doubles.</summary>
    /// <param name="name">The entry name.</param>
    public double[] GetDoubles(string name) => LittleEndianCodec.FromBytes<double>(Get(name, ModelEntryKind.Float64).Bytes);

    /// <summary>Reads a list of 64-bit integers.</summary>
    /// <param name="name">The entry name.</param>
    public long[] GetInt64s(string name) => LittleEndianCodec.FromBytes<long>(Get(name, ModelEntryKind.Int64).Bytes);

    /// <summary>Reads a list of strings.</summary>
    /// <param name="name">The entry name.</param>
    public IReadOnlyList<string> GetStrings(string name) => Get(name, ModelEntryKind.Strings).Strings!;

    private LoadedEntry Get(string name, ModelEntryKind kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_entries.TryGetValue(name, out LoadedEntry? entry))
        {
            throw new ModelFormatException($"{Describe()} has no entry '{name}'.");
        }

        if (entry.Kind != kind)
        {
            throw new ModelFormatException($"Entry '{name}' of {Describe()} holds {entry.Kind}; expected {kind}.");
        }

        return entry;
    }

    private string Describe() => $"component {ComponentIndex} ('{TypeName}')";
}
