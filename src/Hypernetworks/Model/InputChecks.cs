using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Hypernetworks.Model;

/// <summary>Checks of caller-supplied batches; every message names the operand, the row and what was expected.</summary>
internal static class InputChecks
{
    public static int RowCount(ReadOnlySpan<float> data, int inputSize, string name)
    {
        if (data.Length % inputSize != 0)
        {
            throw new ArgumentException($"'{name}' has {data.Length} values, not a whole number of rows of {inputSize} (the spec's InputSize).", name);
        }

        return data.Length / inputSize;
    }

    public static void Width(int length, int rows, int width, string name, string what)
    {
        if (length != (long)rows * width)
        {
            throw new ArgumentException($"'{name}' has {length} values; {rows} rows x {width} {what} need {(long)rows * width}.", name);
        }
    }

    public static void Finite(ReadOnlySpan<float> values, int width, string name)
    {
        // A float is NaN or infinite exactly when all its exponent bits are set: test 8 at a time, then find the culprit.
        ReadOnlySpan<int> bits = MemoryMarshal.Cast<float, int>(values);
        var exponent = Vector256.Create(0x7F800000);
        int vectorEnd = bits.Length - (bits.Length % Vector256<int>.Count);
        bool clean = true;
        for (int i = 0; i < vectorEnd && clean; i += Vector256<int>.Count)
        {
            Vector256<int> masked = Vector256.Create(bits.Slice(i, Vector256<int>.Count)) & exponent;
            clean = !Vector256.EqualsAny(masked, exponent);
        }

        if (clean)
        {
            for (int i = vectorEnd; i < values.Length; i++)
            {
                clean &= float.IsFinite(values[i]);
            }

            if (clean)
            {
                return;
            }
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"'{name}' row {i / width}, column {i % width} is {values[i]}; every value must be finite.", name);
            }
        }
    }

    public static void Labels(HypernetworkTask task, ReadOnlySpan<float> labels, int width, int classes, string name)
    {
        Finite(labels, width, name);
        for (int i = 0; i < labels.Length; i++)
        {
            float label = labels[i];
            switch (task)
            {
                case HypernetworkTask.MulticlassClassification when label < 0 || label >= classes || label != MathF.Floor(label):
                    throw new ArgumentException($"'{name}' row {i} is {label}; multiclass labels must be class indices in [0, {classes}).", name);
                case HypernetworkTask.BinaryClassification when label is < 0 or > 1:
                    throw new ArgumentException($"'{name}' row {i / width}, column {i % width} is {label}; binary labels must be in [0, 1].", name);
                default:
                    break;
            }
        }
    }
}
