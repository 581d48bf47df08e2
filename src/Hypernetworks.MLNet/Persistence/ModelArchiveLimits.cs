namespace Hypernetworks.MLNet;

/// <summary>
/// Bounds a model archive must stay within to be loaded. They are checked against the manifest and the zip
/// directory before any entry is read, so a hostile file cannot make the loader allocate or inflate more than
/// these limits allow. Every limit must be positive.
/// </summary>
public sealed class ModelArchiveLimits
{
    /// <summary>The limits <see cref="ModelArchive"/> uses when none are given.</summary>
    public static ModelArchiveLimits Default { get; } = new();

    /// <summary>The most bytes all entries may hold together once inflated. Default 2 GiB.</summary>
    public long MaxTotalBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    } = 2L * 1024 * 1024 * 1024;

    /// <summary>The most bytes one component entry may hold once inflated. Default 1 GiB.</summary>
    public long MaxEntryBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    } = 1L * 1024 * 1024 * 1024;

    /// <summary>The most bytes the JSON manifest may hold. Default 16 MiB.</summary>
    public int MaxManifestBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    } = 16 * 1024 * 1024;

    /// <summary>The most entries the zip may hold, manifest included. Default 4,096.</summary>
    public int MaxEntries
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    } = 4096;

    /// <summary>The most dimensions a tensor shape may have. Default 8.</summary>
    public int MaxTensorRank
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    } = 8;

    /// <summary>The most columns the recorded input schema may have. Default 65,536.</summary>
    public int MaxSchemaColumns
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    } = 65_536;
}
