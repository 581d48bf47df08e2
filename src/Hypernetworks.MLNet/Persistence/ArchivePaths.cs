using System.Text;

namespace Hypernetworks.MLNet;

/// <summary>
/// Names inside a model archive: the fixed entries, the path of each component entry, and the rules that
/// entry, component and type names must follow so that no name can point outside the archive.
/// </summary>
internal static class ArchivePaths
{
    public const string Manifest = "manifest.json";
    public const string ManifestChecksum = "manifest.sha256";
    public const int MaxEntryNameLength = 128;
    public const int MaxTypeNameLength = 256;
    public const int MaxZipNameLength = 512;

    /// <summary>A fixed entry time, so saving the same model twice gives the same bytes.</summary>
    public static DateTimeOffset FixedTimestamp { get; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string ForEntry(int componentIndex, string entryName) => $"components/{componentIndex}/{entryName}.bin";

    /// <summary>Entry names: 1-128 of <c>[A-Za-z0-9_.-]</c>, not starting with a dot.</summary>
    public static bool IsValidEntryName(string? name) =>
        name is { Length: > 0 and <= MaxEntryNameLength } && name[0] != '.' && AllChars(name, allowPlus: false);

    /// <summary>Type names: 1-256 of <c>[A-Za-z0-9_.+-]</c>, not starting with a dot.</summary>
    public static bool IsValidTypeName(string? name) =>
        name is { Length: > 0 and <= MaxTypeNameLength } && name[0] != '.' && AllChars(name, allowPlus: true);

    /// <summary>Why a zip entry name is unsafe, or null when it is a plain relative path.</summary>
    public static string? DescribeUnsafeZipName(string fullName)
    {
        if (fullName.Length == 0)
        {
            return "has an empty name";
        }

        if (fullName.Length > MaxZipNameLength)
        {
            return $"has a name longer than {MaxZipNameLength} characters";
        }

        if (fullName.Contains('\\', StringComparison.Ordinal))
        {
            return "has a backslash in its name";
        }

        if (fullName[0] == '/' || fullName.Contains(':', StringComparison.Ordinal))
        {
            return "has an absolute path";
        }

        foreach (char c in fullName)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                return "has a control or invalid character in its name";
            }
        }

        foreach (string segment in fullName.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                return "has an empty, '.' or '..' path segment (a path outside the archive or a directory)";
            }
        }

        return null;
    }

    /// <summary>A name read from a hostile file, made safe to put in an exception message.</summary>
    public static string Printable(string? name)
    {
        if (name is null)
        {
            return "(null)";
        }

        var builder = new StringBuilder(Math.Min(name.Length, 80));
        foreach (char c in name.Length > 80 ? name[..80] : name)
        {
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
        }

        return name.Length > 80 ? builder.Append("...").ToString() : builder.ToString();
    }

    private static bool AllChars(string name, bool allowPlus)
    {
        foreach (char c in name)
        {
            bool ok = char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' || (allowPlus && c == '+');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
