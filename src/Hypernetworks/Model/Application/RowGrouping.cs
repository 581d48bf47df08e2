using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Hypernetworks.Model.Application;

/// <summary>
/// Groups a batch's rows by bitwise-identical conditioning (or puts each row in its own group): group ids in
/// order of first appearance, the rows of each group in batch order. Reuses its arrays, so a warm call allocates
/// nothing.
/// </summary>
internal sealed class RowGrouping
{
    private int[] _groupOfRow = [];
    private int[] _order = [];
    private int[] _starts = [0];
    private int[] _representatives = [];
    private int[] _table = [];
    private int[] _fill = [];

    public int GroupCount { get; private set; }

    public int RowCount { get; private set; }

    /// <summary>Batch rows, group by group.</summary>
    public ReadOnlySpan<int> Order => _order.AsSpan(0, RowCount);

    /// <summary>Group g's rows are Order[Starts[g] .. Starts[g + 1]).</summary>
    public ReadOnlySpan<int> Starts => _starts.AsSpan(0, GroupCount + 1);

    /// <summary>The first batch row of each group.</summary>
    public ReadOnlySpan<int> Representatives => _representatives.AsSpan(0, GroupCount);

    public void GroupByConditioning(ReadOnlySpan<float> conditioning, int width, int rows)
    {
        Reserve(rows);
        int tableSize = _table.Length;
        Array.Fill(_table, -1, 0, tableSize);
        ReadOnlySpan<int> bits = MemoryMarshal.Cast<float, int>(conditioning);
        int groups = 0;
        for (int row = 0; row < rows; row++)
        {
            ReadOnlySpan<int> key = bits.Slice(row * width, width);
            int slot = Hash(key) & (tableSize - 1);
            while (true)
            {
                int group = _table[slot];
                if (group < 0)
                {
                    _table[slot] = groups;
                    _representatives[groups] = row;
                    _groupOfRow[row] = groups++;
                    break;
                }

                if (bits.Slice(_representatives[group] * width, width).SequenceEqual(key))
                {
                    _groupOfRow[row] = group;
                    break;
                }

                slot = (slot + 1) & (tableSize - 1);
            }
        }

        Finish(rows, groups);
    }

    public void GroupPerRow(int rows)
    {
        Reserve(rows);
        for (int row = 0; row < rows; row++)
        {
            _groupOfRow[row] = row;
            _representatives[row] = row;
        }

        Finish(rows, rows);
    }

    /// <summary>A fast multiplicative hash of a row's bits, 8 lanes at a time (equal rows are confirmed by comparison).</summary>
    private static int Hash(ReadOnlySpan<int> key)
    {
        var multiplier = Vector256.Create(unchecked((int)0x9E3779B1));
        Vector256<int> accumulator = Vector256<int>.Zero;
        int i = 0;
        for (; i <= key.Length - Vector256<int>.Count; i += Vector256<int>.Count)
        {
            accumulator = (accumulator ^ Vector256.Create(key.Slice(i, Vector256<int>.Count))) * multiplier;
            accumulator ^= Vector256.ShiftRightLogical(accumulator, 15);
        }

        int hash = 0;
        for (int lane = 0; lane < Vector256<int>.Count; lane++)
        {
            hash = (hash * 31) + accumulator.GetElement(lane);
        }

        for (; i < key.Length; i++)
        {
            hash = unchecked((hash ^ key[i]) * (int)0x9E3779B1);
        }

        return hash ^ (hash >>> 16);
    }

    private void Finish(int rows, int groups)
    {
        RowCount = rows;
        GroupCount = groups;
        Array.Clear(_fill, 0, groups);
        for (int row = 0; row < rows; row++)
        {
            _fill[_groupOfRow[row]]++;
        }

        _starts[0] = 0;
        for (int g = 0; g < groups; g++)
        {
            _starts[g + 1] = _starts[g] + _fill[g];
            _fill[g] = _starts[g];
        }

        for (int row = 0; row < rows; row++)
        {
            _order[_fill[_groupOfRow[row]]++] = row;
        }
    }

    private void Reserve(int rows)
    {
        if (_groupOfRow.Length >= rows)
        {
            return;
        }

        _groupOfRow = new int[rows];
        _order = new int[rows];
        _starts = new int[rows + 1];
        _representatives = new int[rows];
        _fill = new int[rows];
        _table = new int[(int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)rows * 2))];
    }
}
