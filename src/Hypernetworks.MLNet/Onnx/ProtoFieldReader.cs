using System.Text;
using Google.Protobuf;

namespace Hypernetworks.MLNet.Onnx;

/// <summary>
/// Walks the fields of one protobuf message held in a region of a byte array, without copying it: varints and fixed
/// values are decoded by <see cref="CodedInputStream"/>, length-delimited fields are returned as regions of the same
/// array. A field that runs past its message fails with a <see cref="HypernetworkModelFormatException"/>.
/// </summary>
internal sealed class ProtoFieldReader
{
    private readonly byte[] _buffer;
    private readonly int _end;
    private int _position;
    private CodedInputStream? _stream;
    private int _streamOrigin;
    private long _streamBase;

    public ProtoFieldReader(byte[] buffer, ProtoRegion region)
    {
        _buffer = buffer;
        _position = region.Offset;
        _end = region.Offset + region.Length;
    }

    public int Field { get; private set; }

    public WireFormat.WireType WireType { get; private set; }

    /// <summary>Moves to the next field; false at the end of the message.</summary>
    public bool Next()
    {
        if (_position >= _end)
        {
            return false;
        }

        _stream = new CodedInputStream(_buffer, _position, _end - _position);
        _streamOrigin = _position;
        _streamBase = _stream.Position;
        uint tag = _stream.ReadTag();
        if (tag == 0)
        {
            throw Malformed("A field has tag 0.");
        }

        Field = WireFormat.GetTagFieldNumber(tag);
        WireType = WireFormat.GetTagWireType(tag);
        Sync();
        return true;
    }

    public long ReadInt64()
    {
        Expect(WireFormat.WireType.Varint);
        long value = Stream.ReadInt64();
        Sync();
        return value;
    }

    public float ReadFloat()
    {
        Expect(WireFormat.WireType.Fixed32);
        float value = Stream.ReadFloat();
        Sync();
        return value;
    }

    public ProtoRegion ReadRegion()
    {
        Expect(WireFormat.WireType.LengthDelimited);
        int length = Stream.ReadLength();
        Sync();
        if (length < 0 || length > _end - _position)
        {
            throw Malformed($"A field declares {length} bytes but its message has {_end - _position} left.");
        }

        var region = new ProtoRegion(_position, length);
        _position += length;
        _stream = null;
        return region;
    }

    public string ReadString()
    {
        ProtoRegion region = ReadRegion();
        return Encoding.UTF8.GetString(_buffer, region.Offset, region.Length);
    }

    /// <summary>Reads a repeated int64 field, packed or not, appending to <paramref name="values"/> up to <paramref name="limit"/> values.</summary>
    public void ReadInt64s(List<long> values, int limit, string what)
    {
        if (WireType == WireFormat.WireType.Varint)
        {
            Add(values, ReadInt64(), limit, what);
            return;
        }

        ProtoRegion region = ReadRegion();
        var packed = new CodedInputStream(_buffer, region.Offset, region.Length);
        while (!packed.IsAtEnd)
        {
            Add(values, packed.ReadInt64(), limit, what);
        }
    }

    /// <summary>Reads a repeated float field, packed or not, appending to <paramref name="values"/> up to <paramref name="limit"/> values.</summary>
    public void ReadFloats(List<float> values, int limit, string what)
    {
        if (WireType == WireFormat.WireType.Fixed32)
        {
            Add(values, ReadFloat(), limit, what);
            return;
        }

        ProtoRegion region = ReadRegion();
        if (region.Length % sizeof(float) != 0)
        {
            throw Malformed($"A packed float field of {what} has {region.Length} bytes, not a multiple of 4.");
        }

        var packed = new CodedInputStream(_buffer, region.Offset, region.Length);
        while (!packed.IsAtEnd)
        {
            Add(values, packed.ReadFloat(), limit, what);
        }
    }

    public void Skip()
    {
        if (WireType == WireFormat.WireType.LengthDelimited)
        {
            ReadRegion();
            return;
        }

        if (WireType is WireFormat.WireType.StartGroup or WireFormat.WireType.EndGroup)
        {
            throw Malformed($"Field {Field} is a group, which ONNX does not use.");
        }

        Stream.SkipLastField();
        Sync();
    }

    private static HypernetworkModelFormatException Malformed(string message) => new($"The ONNX model is not valid protobuf (truncated or corrupt): {message}");

    private CodedInputStream Stream => _stream ?? throw new InvalidOperationException("Read a field's value once, after Next.");

    private static void Add<T>(List<T> values, T value, int limit, string what)
    {
        if (values.Count >= limit)
        {
            throw new HypernetworkModelFormatException($"{what} has more than {limit} values.");
        }

        values.Add(value);
    }

    private void Expect(WireFormat.WireType type)
    {
        if (WireType != type)
        {
            throw Malformed($"Field {Field} has wire type {WireType}; expected {type}.");
        }
    }

    private void Sync() => _position = _streamOrigin + (int)(Stream.Position - _streamBase);
}
