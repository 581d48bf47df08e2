namespace Hypernetworks.MLNet.Onnx;

/// <summary>AttributeProto.AttributeType values of the attribute kinds this library uses.</summary>
internal enum OnnxAttributeType
{
    /// <summary>Not given.</summary>
    Undefined = 0,

    /// <summary>One float (field f).</summary>
    Float = 1,

    /// <summary>One int64 (field i).</summary>
    Int = 2,

    /// <summary>One string (field s).</summary>
    String = 3,

    /// <summary>A tensor, a graph or any other kind this library does not read.</summary>
    Unsupported = 4,

    /// <summary>Floats (field floats).</summary>
    Floats = 6,

    /// <summary>Int64s (field ints).</summary>
    Ints = 7,

    /// <summary>Strings (field strings).</summary>
    Strings = 8,
}
