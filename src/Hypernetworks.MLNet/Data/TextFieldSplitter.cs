using System.Text;

namespace Hypernetworks.MLNet.Data;

/// <summary>Splits a line of delimited text into fields, honouring quotes when asked.</summary>
internal sealed class TextFieldSplitter
{
    private readonly char[] _separators;
    private readonly bool _allowQuoting;
    private readonly bool _trimWhitespace;
    private readonly StringBuilder _unquoted = new();

    public TextFieldSplitter(char[] separators, bool allowQuoting, bool trimWhitespace)
    {
        _separators = separators;
        _allowQuoting = allowQuoting;
        _trimWhitespace = trimWhitespace;
    }

    /// <summary>Fills <paramref name="fields"/> with the fields of <paramref name="line"/>; returns an error message or null.</summary>
    public string? Split(string line, List<ReadOnlyMemory<char>> fields)
    {
        fields.Clear();
        int position = 0;
        while (true)
        {
            int start = position;
            if (_trimWhitespace)
            {
                while (start < line.Length && char.IsWhiteSpace(line[start]) && Array.IndexOf(_separators, line[start]) < 0)
                {
                    start++;
                }
            }

            if (_allowQuoting && start < line.Length && line[start] == '"')
            {
                string? error = ReadQuoted(line, start, fields, out position);
                if (error is not null)
                {
                    return error;
                }
            }
            else
            {
                int end = line.IndexOfAny(_separators, start);
                end = end < 0 ? line.Length : end;
                ReadOnlyMemory<char> field = line.AsMemory(start, end - start);
                fields.Add(_trimWhitespace ? field.TrimEnd() : field);
                position = end;
            }

            if (position >= line.Length)
            {
                return null;
            }

            position++;
        }
    }

    private string? ReadQuoted(string line, int quote, List<ReadOnlyMemory<char>> fields, out int position)
    {
        int i = quote + 1;
        bool escaped = false;
        _unquoted.Clear();
        while (true)
        {
            int next = line.IndexOf('"', i);
            if (next < 0)
            {
                position = line.Length;
                return $"a quoted field opened at character {quote + 1} is not closed";
            }

            if (next + 1 < line.Length && line[next + 1] == '"')
            {
                _unquoted.Append(line, i, next + 1 - i);
                escaped = true;
                i = next + 2;
                continue;
            }

            _unquoted.Append(line, i, next - i);
            fields.Add(escaped ? _unquoted.ToString().AsMemory() : line.AsMemory(quote + 1, next - quote - 1));
            position = next + 1;
            while (_trimWhitespace && position < line.Length && char.IsWhiteSpace(line[position]) && Array.IndexOf(_separators, line[position]) < 0)
            {
                position++;
            }

            if (position < line.Length && Array.IndexOf(_separators, line[position]) < 0)
            {
                return $"unexpected character '{line[position]}' after the closing quote at character {position + 1}";
            }

            return null;
        }
    }
}
