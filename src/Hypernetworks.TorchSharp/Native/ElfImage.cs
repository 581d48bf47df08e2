using System.Buffers.Binary;
using System.Text;

namespace Hypernetworks.TorchSharp.Native;

/// <summary>
/// The symbol-version sections of a 64-bit little-endian ELF shared object, read from its section headers:
/// the versions it requires of other libraries (.gnu.version_r) and the versions it defines (.gnu.version_d).
/// </summary>
internal sealed class ElfImage
{
    private const uint VersionDefinitions = 0x6ffffffd;
    private const uint VersionNeeds = 0x6ffffffe;

    private readonly byte[] _bytes;

    private ElfImage(byte[] bytes) => _bytes = bytes;

    /// <summary>Parses <paramref name="bytes"/>, or returns null when they are not a 64-bit little-endian ELF file.</summary>
    public static ElfImage? TryParse(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        bool elf = bytes.Length >= 64 && bytes[0] == 0x7f && bytes[1] == (byte)'E' && bytes[2] == (byte)'L' && bytes[3] == (byte)'F';
        return elf && bytes[4] == 2 && bytes[5] == 1 ? new ElfImage(bytes) : null;
    }

    /// <summary>Every (file, version) requirement, with the file offset of its vna_flags field.</summary>
    public IEnumerable<VersionRequirement> Requirements()
    {
        foreach (Section section in Sections(VersionNeeds))
        {
            long strings = SectionAt(section.Link).Offset;
            long entry = section.Offset;
            for (int i = 0; i < section.Info; i++)
            {
                ushort count = U16(entry + 2);
                string file = String(strings, U32(entry + 4));
                long aux = entry + U32(entry + 8);
                for (int j = 0; j < count; j++)
                {
                    yield return new VersionRequirement(file, String(strings, U32(aux + 8)), U16(aux + 4), aux + 4);
                    aux += U32(aux + 12);
                }

                entry += U32(entry + 12);
            }
        }
    }

    /// <summary>Whether the object defines symbol version <paramref name="version"/> (e.g. libstdc++'s "GLIBCXX_3.4.32").</summary>
    public bool DefinesVersion(string version)
    {
        foreach (Section section in Sections(VersionDefinitions))
        {
            long strings = SectionAt(section.Link).Offset;
            long entry = section.Offset;
            for (int i = 0; i < section.Info; i++)
            {
                long aux = entry + U32(entry + 12);
                if (String(strings, U32(aux)) == version)
                {
                    return true;
                }

                entry += U32(entry + 16);
            }
        }

        return false;
    }

    private IEnumerable<Section> Sections(uint type)
    {
        int count = U16(0x3c);
        for (int i = 0; i < count; i++)
        {
            Section section = SectionAt(i);
            if (section.Type == type)
            {
                yield return section;
            }
        }
    }

    private Section SectionAt(int index)
    {
        long header = (long)U64(0x28) + ((long)index * U16(0x3a));
        return new Section(U32(header + 4), (long)U64(header + 0x18), (int)U32(header + 0x28), (int)U32(header + 0x2c));
    }

    private ushort U16(long offset) => BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(checked((int)offset), 2));

    private uint U32(long offset) => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(checked((int)offset), 4));

    private ulong U64(long offset) => BinaryPrimitives.ReadUInt64LittleEndian(_bytes.AsSpan(checked((int)offset), 8));

    private string String(long table, uint offset)
    {
        int start = checked((int)(table + offset));
        int end = Array.IndexOf(_bytes, (byte)0, start);
        return Encoding.ASCII.GetString(_bytes, start, (end < 0 ? _bytes.Length : end) - start);
    }

    private readonly record struct Section(uint Type, long Offset, int Link, int Info);
}
