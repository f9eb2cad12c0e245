using System.Text;

namespace Waymark.Core.Spreadsheets;

/// <summary>
/// An RFC 4180 reader: UTF-8 with or without a byte-order mark, quoted fields holding commas, quotes
/// (doubled) and line breaks, CRLF or LF. A quote anywhere else is an error naming the row.
/// </summary>
internal static class CsvTableReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ImportResult Read(ReadOnlySpan<byte> bytes, ImportLimits limits)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ImportResult.Failure("The CSV file is not UTF-8 text. In Excel, save it as \"CSV UTF-8 (Comma delimited)\" and upload it again.");
        }

        var builder = new TableBuilder(limits);
        var error = Parse(text, builder);
        return error is null ? builder.Finish() : ImportResult.Failure(error);
    }

    private static string? Parse(string text, TableBuilder builder)
    {
        var fields = new List<(int Column, string Value)>();
        var quoted = new StringBuilder();
        var row = 1;
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            // One field, from its start to the comma or line end after it.
            var start = i;
            while (i < n && text[i] is ' ' or '\t')
            {
                i++;
            }

            string value;
            if (i < n && text[i] == '"')
            {
                i++;
                quoted.Clear();
                while (true)
                {
                    if (i >= n)
                    {
                        return $"Row {row} has a value that starts with a quote (\") but never ends with one. Check the quotes in that row.";
                    }

                    var c = text[i++];
                    if (c == '"')
                    {
                        if (i < n && text[i] == '"')
                        {
                            quoted.Append('"');
                            i++;
                            continue;
                        }

                        break;
                    }

                    quoted.Append(c);
                }

                while (i < n && text[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i < n && text[i] is not (',' or '\r' or '\n'))
                {
                    return StrayQuote(row);
                }

                value = quoted.ToString();
            }
            else
            {
                i = start;
                while (i < n && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"')
                    {
                        return StrayQuote(row);
                    }

                    i++;
                }

                value = text[start..i];
            }

            fields.Add((fields.Count, value));
            if (i < n && text[i] == ',')
            {
                i++;
                if (i < n)
                {
                    continue;
                }

                fields.Add((fields.Count, string.Empty)); // a comma at the very end: one more, empty, field
            }
            else if (i < n)
            {
                i += text[i] == '\r' && i + 1 < n && text[i + 1] == '\n' ? 2 : 1;
            }

            if (builder.Add(row, fields) is { } error)
            {
                return error;
            }

            fields.Clear();
            row++;
        }

        return null;
    }

    private static string StrayQuote(int row) =>
        $"Row {row} has a quote (\") inside a value. Put the whole value in quotes and double each quote inside it (\"\").";
}
