namespace Hypernetworks.MLNet.Data;

/// <summary>Deterministic, hash-based row sampling for train/test splits.</summary>
internal static class RowSampler
{
    /// <summary>
    /// The rows whose hash, a uniform number in [0, 1) drawn from the seed and the row position (or the value of
    /// <paramref name="key"/>), falls inside [<paramref name="lower"/>, <paramref name="upper"/>) when
    /// <paramref name="inside"/>, or outside it otherwise.
    /// </summary>
    public static IDataView Filter(IDataView data, DataViewSchema.Column? key, int seed, double lower, double upper, bool inside)
    {
        if (key is { } column)
        {
            Type raw = column.Type.RawType;
            if (column.Type is VectorDataViewType || !(raw == typeof(float) || raw == typeof(double) || raw == typeof(int) || raw == typeof(uint)
                || raw == typeof(long) || raw == typeof(ulong) || raw == typeof(bool) || raw == typeof(ReadOnlyMemory<char>)))
            {
                throw new ArgumentOutOfRangeException(nameof(key),
                    $"Sampling key column '{column.Name}' must be a scalar of a numeric, key, boolean or text type; got {column.Type}.");
            }
        }

        return new RowFilterDataView(data, key is { } k ? [k] : [], row =>
        {
            Func<ulong> hash = key is { } k ? ValueHasher(row, k) : () => (ulong)row.Position;
            return () =>
            {
                double u = (Mix(hash() ^ Mix((ulong)seed)) >> 11) * (1.0 / (1UL << 53));
                return (u >= lower && u < upper) == inside;
            };
        });
    }

    private static Func<ulong> ValueHasher(DataViewRow row, DataViewSchema.Column column)
    {
        Type raw = column.Type.RawType;
        if (raw == typeof(ReadOnlyMemory<char>))
        {
            ValueGetter<ReadOnlyMemory<char>> getter = row.GetGetter<ReadOnlyMemory<char>>(column);
            ReadOnlyMemory<char> text = default;
            return () =>
            {
                getter(ref text);
                ulong hash = 14695981039346656037UL;
                foreach (char c in text.Span)
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }

                return hash;
            };
        }

        return raw == typeof(float) ? Bits<float>(row, column, v => (ulong)BitConverter.SingleToUInt32Bits(v))
            : raw == typeof(double) ? Bits<double>(row, column, BitConverter.DoubleToUInt64Bits)
            : raw == typeof(int) ? Bits<int>(row, column, v => (ulong)v)
            : raw == typeof(uint) ? Bits<uint>(row, column, v => v)
            : raw == typeof(long) ? Bits<long>(row, column, v => (ulong)v)
            : raw == typeof(ulong) ? Bits<ulong>(row, column, v => v)
            : Bits<bool>(row, column, v => v ? 1UL : 0UL);
    }

    private static Func<ulong> Bits<T>(DataViewRow row, DataViewSchema.Column column, Func<T, ulong> toBits)
    {
        ValueGetter<T> getter = row.GetGetter<T>(column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            return toBits(value);
        };
    }

    /// <summary>SplitMix64's finaliser: spreads every input bit over the output.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
