using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Hypernetworks.MLNet;

/// <summary>
/// Given to one component while a model archive is saved: the component records its options (as JSON) and its
/// named tensors, numbers and strings here. Entry names are 1-128 characters of letters, digits, <c>_</c>,
/// <c>.</c> and <c>-</c>, unique within the component (ignoring case), and not starting with a dot.
/// The context is valid only during the component's save call.
/// </summary>
public sealed class ModelSaveContext
{
    private readonly ZipArchive _archive;
    private readonly List<ManifestEntry> _entries = [];
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private JsonElement? _options;
    private bool _completed;

    internal ModelSaveContext(ZipArchive archive, int componentIndex, string typeName)
    {
        _archive = archive;
        ComponentIndex = componentIndex;
        TypeName = typeName;
    }

    /// <summary>The position of the component in the saved list.</summary>
    public int ComponentIndex { get; }

    /// <summary>The type name the component is saved under.</summary>
    public string TypeName { get; }

    /// <summary>Records the component's options, serialized with System.Text.Json (camelCase names). At most once.</summary>
    /// <typeparam name="T">The options type; <see cref="ModelLoadContext.GetOptions{T}"/> reads it back.</typeparam>
    /// <param name="options">The options; not null.</param>
    public void SetOptions<T>(T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfCompleted();
        if (_options is not null)
        {
            throw new InvalidOperationException($"Component {ComponentIndex} ('{TypeName}') already set its options; a component has one options object.");
        }

        _options = JsonSerializer.SerializeToElement(options, ModelJson.Options);
    }

    /// <summary>
    /// Adds a float tensor. The product of <paramref name="shape"/> must equal the number of values; an empty
    /// shape is a scalar (one value).
    /// </summary>
    /// <param name="name">The entry name.</param>
    /// <param name="values">The values, row-major.</param>
    /// <param name="shape">The dimensions, each non-negative.</param>
    public void AddTensor(string name, ReadOnlySpan<float> values, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length > ModelArchiveLimits.Default.MaxTensorRank)
        {
            throw new ArgumentException($"Tensor '{name}' has {shape.Length} dimensions; at most {ModelArchiveLimits.Default.MaxTensorRank} are supported.", nameof(shape));
        }

        long count = ShapeMath.ElementCount(shape);
        if (count < 0)
        {
            throw new ArgumentException($"Tensor '{name}' has shape {ShapeMath.Format(shape)}; dimensions must be non-negative.", nameof(shape));
        }

        if (count != values.Length)
        {
            throw new ArgumentException($"Tensor '{name}' has shape {ShapeMath.Format(shape)} ({count} elements) but {values.Length} values were given.", nameof(values));
        }

        WriteNumbers(name, ModelEntryKind.Float32, values, (int[])shape.Clone());
    }

    /// <summary>Adds a one-dimensional list of doubles.</summary>
    /// <param name="name">The entry name.</param>
    /// <param name="values">The values.</param>
    public void AddDoubles(string name, ReadOnlySpan<double> values) =>
        WriteNumbers(name, ModelEntryKind.Float64, values, [values.Length]);

    /// <summary>Adds a one-dimensional list of 64-bit integers.</summary>
    /// <param name="name">The entry name.</param>
    /// <param name="values">The values.</param>
    public void AddInt64s(string name, ReadOnlySpan<long> values) =>
        WriteNumbers(name, ModelEntryKind.Int64, values, [values.Length]);

    /// <summary>Adds a list of strings (key values, slot names); none may be null.</summary>
    /// <param name="name">The entry name.</param>
    /// <param name="values">The strings.</param>
    public void AddStrings(string name, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckName(name);
        byte[] bytes = LittleEndianCodec.EncodeStrings(values, nameof(values));
        WriteEntry(name, ModelEntryKind.Strings, [values.Count], bytes);
    }

    internal ManifestComponent Complete()
    {
        _completed = true;
        return new ManifestComponent(TypeName, _options, [.. _entries]);
    }

    private void WriteNumbers<T>(string name, ModelEntryKind kind, ReadOnlySpan<T> values, int[] shape)
        where T : unmanaged
    {
        CheckName(name);
        if ((long)values.Length * Unsafe.SizeOf<T>() > ModelArchiveLimits.Default.MaxEntryBytes)
        {
            throw new ArgumentException($"Entry '{name}' would hold {(long)values.Length * Unsafe.SizeOf<T>()} bytes; at most {ModelArchiveLimits.Default.MaxEntryBytes} are allowed per entry.", nameof(values));
        }

        WriteEntry(name, kind, shape, LittleEndianCodec.ToBytes(values));
    }

    private void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ThrowIfCompleted();
        if (!ArchivePaths.IsValidEntryName(name))
        {
            throw new ArgumentException($"Entry name '{name}' is not valid: use 1-{ArchivePaths.MaxEntryNameLength} letters, digits, '_', '.' or '-', not starting with '.'.", nameof(name));
        }

        if (_names.Contains(name))
        {
            throw new ArgumentException($"Component {ComponentIndex} ('{TypeName}') already has an entry named '{name}' (names are compared ignoring case).", nameof(name));
        }
    }

    private void WriteEntry(string name, ModelEntryKind kind, int[] shape, ReadOnlySpan<byte> bytes)
    {
        ZipArchiveEntry entry = _archive.CreateEntry(ArchivePaths.ForEntry(ComponentIndex, name), CompressionLevel.NoCompression);
        entry.LastWriteTime = ArchivePaths.FixedTimestamp;
        using (Stream stream = entry.Open())
        {
            stream.Write(bytes);
        }

        _names.Add(name);
        _entries.Add(new ManifestEntry(name, kind, shape, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))));
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException($"The save context of component {ComponentIndex} ('{TypeName}') is used after its save call returned.");
        }
    }
}
