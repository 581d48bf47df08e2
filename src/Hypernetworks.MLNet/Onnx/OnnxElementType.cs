namespace Hypernetworks.MLNet.Onnx;

/// <summary>The ONNX tensor element types this library writes or reads (TensorProto.DataType values).</summary>
internal enum OnnxElementType
{
    /// <summary>No type given.</summary>
    Undefined = 0,

    /// <summary>32-bit float.</summary>
    Float = 1,

    /// <summary>64-bit integer.</summary>
    Int64 = 7,

    /// <summary>UTF-8 string.</summary>
    String = 8,

    /// <summary>Boolean.</summary>
    Bool = 9,

    /// <summary>Unsigned 32-bit integer (what an ML.NET key column holds).</summary>
    UInt32 = 12,
}
