using System.Net;
using System.Text;

namespace Hypernetworks.Cli.Reports;

/// <summary>A self-contained HTML page: inline style, inline SVG charts, no script and no external resource.</summary>
internal sealed class HtmlDocument
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 24px auto; max-width: 1160px; color: #222; background: #fafafa; }
        h1 { font-size: 24px; margin-bottom: 4px; } h2 { font-size: 18px; margin-top: 28px; border-bottom: 1px solid #ddd; }
        p.note { color: #555; margin-top: 0; }
        table { border-collapse: collapse; margin: 8px 0; background: #fff; }
        th, td { border: 1px solid #ddd; padding: 4px 10px; text-align: left; font-size: 14px; }
        th { background: #f0f0f0; } td.better { font-weight: bold; color: #1a7f37; }
        .charts { display: flex; flex-wrap: wrap; gap: 12px; }
        svg.chart { border: 1px solid #ddd; font-size: 11px; }
        svg.chart text.title { font-size: 14px; font-weight: bold; } svg.chart text.axis { font-size: 12px; }
        """;

    private readonly StringBuilder _body = new();
    private readonly string _title;

    /// <summary>Creates a page.</summary>
    /// <param name="title">The page title and top heading.</param>
    /// <param name="subtitle">The line under the heading.</param>
    public HtmlDocument(string title, string subtitle)
    {
        _title = title;
        _body.Append("<h1>").Append(Encode(title)).Append("</h1>");
        _body.Append("<p class=\"note\">").Append(Encode(subtitle)).Append("</p>");
    }

    /// <summary>Adds a section heading.</summary>
    /// <param name="text">The heading.</param>
    public HtmlDocument Heading(string text)
    {
        _body.Append("<h2>").Append(Encode(text)).Append("</h2>");
        return this;
    }

    /// <summary>Adds a paragraph.</summary>
    /// <param name="text">The text.</param>
    public HtmlDocument Paragraph(string text)
    {
        _body.Append("<p>").Append(Encode(text)).Append("</p>");
        return this;
    }

    /// <summary>Adds a table; a cell whose text starts with <c>*</c> is shown as the better value (without the star).</summary>
    /// <param name="headers">The column headers.</param>
    /// <param name="rows">The rows.</param>
    public HtmlDocument Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        _body.Append("<table><tr>");
        foreach (string header in headers)
        {
            _body.Append("<th>").Append(Encode(header)).Append("</th>");
        }

        _body.Append("</tr>");
        foreach (IReadOnlyList<string> row in rows)
        {
            _body.Append("<tr>");
            foreach (string cell in row)
            {
                bool better = cell.StartsWith('*');
                _body.Append(better ? "<td class=\"better\">" : "<td>").Append(Encode(better ? cell[1..] : cell)).Append("</td>");
            }

            _body.Append("</tr>");
        }

        _body.Append("</table>");
        return this;
    }

    /// <summary>Adds charts side by side.</summary>
    /// <param name="charts">The charts.</param>
    public HtmlDocument Charts(IEnumerable<SvgChart> charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        _body.Append("<div class=\"charts\">");
        foreach (SvgChart chart in charts)
        {
            _body.Append(chart.Render());
        }

        _body.Append("</div>");
        return this;
    }

    /// <summary>The whole page.</summary>
    public string Render() =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Encode(_title)}</title><style>{Style}</style></head><body>{_body}</body></html>\n";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
