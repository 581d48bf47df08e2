namespace Hypernetworks.Tensors;

/// <summary>The GEMM implementations; <see cref="Gemm.ForcedPath"/> lets tests run each one on any machine.</summary>
internal enum GemmPath
{
    /// <summary>Choose by hardware and shape.</summary>
    Auto,

    /// <summary>Packed panels, Vector512 micro-kernel.</summary>
    Packed512,

    /// <summary>No B packing, Vector512 micro-kernel; NT shapes use the Vector512 dot-product kernel.</summary>
    Direct512,

    /// <summary>Packed panels, Vector256 micro-kernel.</summary>
    Packed256,

    /// <summary>No B packing, Vector256 micro-kernel (NT and TT shapes fall back to packing).</summary>
    Direct256,

    /// <summary>Packed panels, Vector128 micro-kernel (SSE, Arm AdvSIMD).</summary>
    Packed128,

    /// <summary>No B packing, Vector128 micro-kernel (NT and TT shapes fall back to packing).</summary>
    Direct128,

    /// <summary>Scalar micro-kernel (direct when B is not transposed, packed otherwise).</summary>
    Scalar,
}
