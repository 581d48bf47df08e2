namespace Hypernetworks.Tensors;

/// <summary>A row count fixed at compile time, so that generic kernels specialise per tile height.</summary>
internal interface ITileRows
{
    /// <summary>The number of rows.</summary>
    static abstract int Count { get; }
}

/// <summary>1 row.</summary>
internal readonly struct TileRows1 : ITileRows
{
    /// <inheritdoc />
    public static int Count => 1;
}

/// <summary>2 rows.</summary>
internal readonly struct TileRows2 : ITileRows
{
    /// <inheritdoc />
    public static int Count => 2;
}

/// <summary>3 rows.</summary>
internal readonly struct TileRows3 : ITileRows
{
    /// <inheritdoc />
    public static int Count => 3;
}

/// <summary>4 rows.</summary>
internal readonly struct TileRows4 : ITileRows
{
    /// <inheritdoc />
    public static int Count => 4;
}

/// <summary>5 rows.</summary>
internal readonly struct TileRows5 : ITileRows
{
    /// <inheritdoc />
    public static int Count => 5;
}

/// <summary>6 rows.</summary>
internal readonly struct TileRows6 : ITileRows
{
    /// <inheritdoc />
    public static int Count => 6;
}

/// <summary>7 rows.</summary>
internal readonly struct TileRows7 : ITileRows
{
    /// <inheritdoc />
    public static int Count => 7;
}

/// <summary>8 rows.</summary>
internal readonly struct TileRows8 : ITileRows
{
    /// <inheritdoc />
    public static int Count => 8;
}

/// <summary>9 rows.</summary>
internal readonly struct TileRows9 : ITileRows
{
    /// <inheritdoc />
    public static int Count => 9;
}

/// <summary>10 rows.</summary>
internal readonly struct TileRows10 : ITileRows
{
    /// <inheritdoc />
    public static int Count => 10;
}

/// <summary>11 rows.</summary>
internal readonly struct TileRows11 : ITileRows
{
    /// <inheritdoc />
    public static int Count => 11;
}

/// <summary>12 rows.</summary>
internal readonly struct TileRows12 : ITileRows
{
    /// <inheritdoc />
    public static int Count => 12;
}
