namespace Hypernetworks.Cli.Data;

/// <summary>What a CSV column holds, inferred from its first rows.</summary>
internal enum ColumnKind
{
    /// <summary>Every value read is a number (or empty).</summary>
    Numeric,

    /// <summary>Every value read is true or false.</summary>
    Boolean,

    /// <summary>Anything else: categories, names, free text.</summary>
    Text,
}
