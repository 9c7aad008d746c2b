using System.Text;

namespace Kronika.Ingest;

/// <summary>A problem with one input, reported as one line naming the input; the batch goes on.</summary>
public sealed class ArticleException(string problem) : Exception(problem);

/// <summary>
/// Turns the bytes of a file into text: UTF-8 (with or without BOM), UTF-16 with BOM, or one of the Baltic legacy
/// encodings, Windows-1257 and ISO-8859-13. Rejects binary data.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1257 => Encoding.GetEncoding(1257);
    public static Encoding Iso885913 => Encoding.GetEncoding(28603);

    /// <summary>Decodes the bytes and names the encoding used.</summary>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            if (!System.Text.Unicode.Utf8.IsValid(bytes[3..])) throw new ArticleException("invalid UTF-8 after a UTF-8 byte-order mark");
            return (CheckText(StrictUtf8.GetString(bytes[3..])), "utf-8");
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (CheckText(Encoding.Unicode.GetString(bytes[2..])), "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (CheckText(Encoding.BigEndianUnicode.GetString(bytes[2..])), "utf-16be");
        if (LooksBinary(bytes)) throw new ArticleException("binary file, not text");
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return (StrictUtf8.GetString(bytes), "utf-8");
        return IsIso885913(bytes) ? (Iso885913.GetString(bytes), "iso-8859-13") : (Windows1257.GetString(bytes), "windows-1257");
    }

    /// <summary>
    /// The two legacy encodings agree on every letter; they differ in punctuation. Windows-1257 puts quotes and dashes
    /// at 0x80–0x9F (C1 controls in ISO-8859-13), ISO-8859-13 puts „ ” “ ’ at 0xA5, 0xA1, 0xB4, 0xFF.
    /// </summary>
    private static bool IsIso885913(ReadOnlySpan<byte> bytes)
    {
        int windows = 0, iso = 0;
        foreach (var b in bytes)
        {
            if (b is >= 0x80 and <= 0x9F) windows++;
            else if (b is 0xA1 or 0xA5 or 0xB4 or 0xFF) iso++;
        }
        return iso > windows;
    }

    /// <summary>NUL bytes or many control characters mean the data is not text in any encoding we read.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var control = 0;
        foreach (var b in bytes)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C)) control++;
        }
        return control > bytes.Length / 100 + 1;
    }

    private static string CheckText(string text) =>
        text.Contains('\0') ? throw new ArticleException("binary file, not text") : text;

    /// <summary>
    /// Text as decoding makes it: half of a surrogate pair (which a JSON `\ud800` escape can carry, and decoded bytes
    /// never do) becomes U+FFFD, so the text can always be written out again as UTF-8.
    /// </summary>
    public static string WellFormed(string text) =>
        !text.Any(char.IsSurrogate) ? text : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
}
