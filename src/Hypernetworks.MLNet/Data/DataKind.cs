namespace Hypernetworks.MLNet.Data;

/// <summary>The kinds of values a <see cref="TextLoader"/> column can hold (numbered as ML.NET numbers them).</summary>
public enum DataKind : byte
{
    /// <summary>Signed 8-bit integer.</summary>
    SByte = 1,

    /// <summary>Unsigned 8-bit integer.</summary>
    Byte = 2,

    /// <summary>Signed 16-bit integer.</summary>
    Int16 = 3,

    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16 = 4,

    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 5,

    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32 = 6,

    /// <summary>Signed 64-bit integer.</summary>
    Int64 = 7,

    /// <summary>Unsigned 64-bit integer.</summary>
    UInt64 = 8,

    /// <summary>32-bit float.</summary>
    Single = 9,

    /// <summary>64-bit float.</summary>
    Double = 10,

    /// <summary>Text.</summary>
    String = 11,

    /// <summary>Boolean.</summary>
    Boolean = 12,
}
