namespace Hypernetworks.MLNet;

/// <summary>One validated component entry: its encoding, shape and bytes (and strings, already decoded).</summary>
/// <param name="Kind">The element encoding.</param>
/// <param name="Shape">The validated dimensions.</param>
/// <param name="Bytes">The entry bytes, checked against their declared length and checksum.</param>
/// <param name="Strings">The decoded strings for <see cref="ModelEntryKind.Strings"/> entries; otherwise null.</param>
internal sealed record LoadedEntry(ModelEntryKind Kind, int[] Shape, byte[] Bytes, string[]? Strings);
