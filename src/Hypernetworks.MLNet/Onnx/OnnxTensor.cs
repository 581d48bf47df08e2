using System.Runtime.InteropServices;

namespace Hypernetworks.MLNet.Onnx;

/// <summary>
/// An initializer (TensorProto): its name, element type, dimensions and little-endian raw data. Strings are kept in
/// <see cref="Strings"/> (string_data) since ONNX stores them there, not in raw_data.
/// </summary>
internal sealed class OnnxTensor
{
    public OnnxTensor(string name, OnnxElementType elementType, long[] dimensions, ReadOnlyMemory<byte> rawData, IReadOnlyList<string>? strings = null)
    {
        Name = name;
        ElementType = elementType;
        Dimensions = dimensions;
        RawData = rawData;
        Strings = strings ?? [];
    }

    public string Name { get; }

    public OnnxElementType ElementType { get; }

    public long[] Dimensions { get; }

    public ReadOnlyMemory<byte> RawData { get; }

    public IReadOnlyList<string> Strings { get; }

    /// <summary>Whether the tensor stored its values somewhere other than raw_data / string_data (typed data fields).</summary>
    public bool HasTypedData { get; init; }

    /// <summary>The product of the dimensions, or -1 when a dimension is negative or the product overflows a long.</summary>
    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (long d in Dimensions)
            {
                if (d < 0 || (d > 0 && count > long.MaxValue / d))
                {
                    return -1;
                }

                count *= d;
            }

            return count;
        }
    }

    public static OnnxTensor FromFloats(string name, ReadOnlySpan<float> values, params long[] dimensions)
        => new(name, OnnxElementType.Float, dimensions, LittleEndian(MemoryMarshal.AsBytes(values)));

    public static OnnxTensor FromInt64s(string name, ReadOnlySpan<long> values, params long[] dimensions)
        => new(name, OnnxElementType.Int64, dimensions, LittleEndian(MemoryMarshal.AsBytes(values), sizeof(long)));

    public static OnnxTensor FromStrings(string name, IReadOnlyList<string> values)
        => new(name, OnnxElementType.String, [values.Count], ReadOnlyMemory<byte>.Empty, values);

    /// <summary>Copies the float values into <paramref name="destination"/> (whose length must be the element count).</summary>
    public void CopyFloatsTo(Span<float> destination)
    {
        Span<byte> target = MemoryMarshal.AsBytes(destination);
        RawData.Span.CopyTo(target);
        if (!BitConverter.IsLittleEndian)
        {
            Span<int> words = MemoryMarshal.Cast<float, int>(destination);
            for (int i = 0; i < words.Length; i++)
            {
                words[i] = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(words[i]);
            }
        }
    }

    private static byte[] LittleEndian(ReadOnlySpan<byte> bytes, int width = sizeof(float))
    {
        byte[] copy = bytes.ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            for (int i = 0; i < copy.Length; i += width)
            {
                Array.Reverse(copy, i, width);
            }
        }

        return copy;
    }
}
