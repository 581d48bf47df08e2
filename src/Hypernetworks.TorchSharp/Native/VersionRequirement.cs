namespace Hypernetworks.TorchSharp.Native;

/// <summary>One symbol version an ELF object needs from a library (a Vernaux entry of .gnu.version_r).</summary>
/// <param name="File">The library, e.g. "libstdc++.so.6".</param>
/// <param name="Version">The version, e.g. "GLIBCXX_3.4.32".</param>
/// <param name="Flags">vna_flags; <see cref="Weak"/> marks a requirement the loader may leave unmet.</param>
/// <param name="FlagsOffset">The file offset of vna_flags.</param>
internal readonly record struct VersionRequirement(string File, string Version, ushort Flags, long FlagsOffset)
{
    /// <summary>VER_FLG_WEAK.</summary>
    public const ushort Weak = 0x2;
}
