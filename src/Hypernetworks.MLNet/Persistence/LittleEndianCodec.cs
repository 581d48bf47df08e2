using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Hypernetworks.MLNet;

/// <summary>
/// Encodes entry values as the archive stores them: numbers little-endian whatever the machine's byte order,
/// strings as a little-endian 32-bit UTF-8 byte count followed by the bytes.
/// </summary>
internal static class LittleEndianCodec
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ReadOnlySpan<byte> ToBytes<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        ReadOnlySpan<byte> raw = MemoryMarshal.AsBytes(values);
        if (BitConverter.IsLittleEndian)
        {
            return raw;
        }

        byte[] copy = raw.ToArray();
        ReverseEachElement(copy, Unsafe.SizeOf<T>());
        return copy;
    }

    public static T[] FromBytes<T>(ReadOnlySpan<byte> bytes)
        where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>();
        var result = new T[bytes.Length / size];
        Span<byte> destination = MemoryMarshal.AsBytes(result.AsSpan());
        bytes[..destination.Length].CopyTo(destination);
        if (!BitConverter.IsLittleEndian)
        {
            ReverseEachElement(destination, size);
        }

        return result;
    }

    /// <summary>Encodes strings; throws <see cref="ArgumentException"/> for a string that is not valid UTF-16.</summary>
    public static byte[] EncodeStrings(IReadOnlyList<string> values, string parameterName)
    {
        long total = 0;
        var encoded = new byte[values.Count][];
        for (int i = 0; i < values.Count; i++)
        {
            string value = values[i] ?? throw new ArgumentException($"String {i} is null; saved strings must not be null.", parameterName);
            try
            {
                encoded[i] = StrictUtf8.GetBytes(value);
            }
            catch (EncoderFallbackException ex)
            {
                throw new ArgumentException($"String {i} is not valid UTF-16 (a lone surrogate) and cannot be saved.", parameterName, ex);
            }

            total += sizeof(int) + encoded[i].Length;
        }

        var bytes = new byte[checked((int)total)];
        int offset = 0;
        foreach (byte[] value in encoded)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), value.Length);
            value.CopyTo(bytes, offset + sizeof(int));
            offset += sizeof(int) + value.Length;
        }

        return bytes;
    }

    /// <summary>Decodes exactly <paramref name="count"/> strings, or returns why the bytes are not such strings.</summary>
    public static string[]? TryDecodeStrings(ReadOnlySpan<byte> bytes, int count, out string? problem)
    {
        var values = new string[count];
        int offset = 0;
        for (int i = 0; i < count; i++)
        {
            if (bytes.Length - offset < sizeof(int))
            {
                problem = $"ends inside the length of string {i}";
                return null;
            }

            int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);
            offset += sizeof(int);
            if (length < 0 || length > bytes.Length - offset)
            {
                problem = $"declares string {i} as {length} bytes, more than the {bytes.Length - offset} left";
                return null;
            }

            try
            {
                values[i] = StrictUtf8.GetString(bytes.Slice(offset, length));
            }
            catch (DecoderFallbackException)
            {
                problem = $"holds string {i} that is not valid UTF-8";
                return null;
            }

            offset += length;
        }

        if (offset != bytes.Length)
        {
            problem = $"has {bytes.Length - offset} bytes after its {count} strings";
            return null;
        }

        problem = null;
        return values;
    }

    private static void ReverseEachElement(Span<byte> bytes, int size)
    {
        for (int i = 0; i + size <= bytes.Length; i += size)
        {
            bytes.Slice(i, size).Reverse();
        }
    }
}
