namespace Hypernetworks.MLNet;

/// <summary>The element encoding of one component entry in a model archive.</summary>
internal enum ModelEntryKind
{
    /// <summary>Little-endian IEEE 754 single-precision values.</summary>
    Float32,

    /// <summary>Little-endian IEEE 754 double-precision values.</summary>
    Float64,

    /// <summary>Little-endian two's-complement 64-bit integers.</summary>
    Int64,

    /// <summary>Strings, each a little-endian 32-bit byte count followed by that many UTF-8 bytes.</summary>
    Strings,
}
