using System.Globalization;
using System.Numerics;

namespace Hypernetworks.MLNet.Data;

/// <summary>Parses one text field into a value; returns false when the text is not a valid value.</summary>
/// <typeparam name="T">The raw type of the value.</typeparam>
internal delegate bool TextValueParser<T>(ReadOnlyMemory<char> text, out T value);

/// <summary>The parsers of the text loader, per column type.</summary>
internal static class TextValueParsers
{
    /// <summary>The parser of values of <paramref name="type"/> (an item type), as a <see cref="TextValueParser{T}"/>.</summary>
    public static Delegate For(PrimitiveDataViewType type)
    {
        if (type is KeyDataViewType key)
        {
            return key.RawType == typeof(byte) ? Key<byte>(key.Count)
                : key.RawType == typeof(ushort) ? Key<ushort>(key.Count)
                : key.RawType == typeof(uint) ? Key<uint>(key.Count)
                : Key<ulong>(key.Count);
        }

        if (type is TextDataViewType)
        {
            return (TextValueParser<ReadOnlyMemory<char>>)((ReadOnlyMemory<char> text, out ReadOnlyMemory<char> value) =>
            {
                value = text;
                return true;
            });
        }

        if (type is BooleanDataViewType)
        {
            return (TextValueParser<bool>)ParseBoolean;
        }

        Type raw = type.RawType;
        return raw == typeof(float) ? (TextValueParser<float>)ParseFloat<float>
            : raw == typeof(double) ? (TextValueParser<double>)ParseFloat<double>
            : raw == typeof(sbyte) ? (TextValueParser<sbyte>)ParseInteger<sbyte>
            : raw == typeof(byte) ? (TextValueParser<byte>)ParseInteger<byte>
            : raw == typeof(short) ? (TextValueParser<short>)ParseInteger<short>
            : raw == typeof(ushort) ? (TextValueParser<ushort>)ParseInteger<ushort>
            : raw == typeof(int) ? (TextValueParser<int>)ParseInteger<int>
            : raw == typeof(uint) ? (TextValueParser<uint>)ParseInteger<uint>
            : raw == typeof(long) ? (TextValueParser<long>)ParseInteger<long>
            : (TextValueParser<ulong>)ParseInteger<ulong>;
    }

    /// <summary>Floats: an empty field, "?" and "NaN" are missing (NaN); "inf"/"Infinity" with an optional sign are infinities.</summary>
    private static bool ParseFloat<T>(ReadOnlyMemory<char> text, out T value)
        where T : IFloatingPointIeee754<T>
    {
        ReadOnlySpan<char> span = text.Span;
        if (span.IsEmpty || span is "?" || span.Equals("NaN", StringComparison.OrdinalIgnoreCase))
        {
            value = T.NaN;
            return true;
        }

        if (T.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out value!))
        {
            return true;
        }

        bool negative = span[0] == '-';
        ReadOnlySpan<char> magnitude = span[0] is '-' or '+' ? span[1..] : span;
        if (magnitude.Equals("inf", StringComparison.OrdinalIgnoreCase) || magnitude.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? T.NegativeInfinity : T.PositiveInfinity;
            return true;
        }

        return false;
    }

    private static bool ParseInteger<T>(ReadOnlyMemory<char> text, out T value)
        where T : IBinaryInteger<T> => T.TryParse(text.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out value!);

    private static bool ParseBoolean(ReadOnlyMemory<char> text, out bool value)
    {
        ReadOnlySpan<char> span = text.Span;
        if (span.Equals("true", StringComparison.OrdinalIgnoreCase) || span is "1" || span.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || span.Equals("t", StringComparison.OrdinalIgnoreCase) || span.Equals("y", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        value = false;
        return span.Equals("false", StringComparison.OrdinalIgnoreCase) || span is "0" || span.Equals("no", StringComparison.OrdinalIgnoreCase)
            || span.Equals("f", StringComparison.OrdinalIgnoreCase) || span.Equals("n", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Keys: the file holds 0-based category indices below the count; they load as keys 1..count, an empty field as 0 (missing).</summary>
    private static TextValueParser<T> Key<T>(ulong count)
        where T : IBinaryInteger<T>, IUnsignedNumber<T> =>
        (ReadOnlyMemory<char> text, out T value) =>
        {
            value = T.Zero;
            if (text.IsEmpty)
            {
                return true;
            }

            if (!ulong.TryParse(text.Span, NumberStyles.None, CultureInfo.InvariantCulture, out ulong index) || index >= count)
            {
                return false;
            }

            value = T.CreateTruncating(index + 1);
            return true;
        };
}
