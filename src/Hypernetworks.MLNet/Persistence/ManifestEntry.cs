namespace Hypernetworks.MLNet;

/// <summary>One binary entry of a component as the manifest declares it.</summary>
/// <param name="Name">The entry name within its component.</param>
/// <param name="Kind">The element encoding.</param>
/// <param name="Shape">The dimensions; one dimension (the element count) for everything but float tensors.</param>
/// <param name="ByteLength">The exact byte length of the entry.</param>
/// <param name="Sha256">The lowercase hexadecimal SHA-256 of the entry bytes.</param>
internal sealed record ManifestEntry(string Name, ModelEntryKind Kind, IReadOnlyList<int> Shape, long ByteLength, string Sha256);
