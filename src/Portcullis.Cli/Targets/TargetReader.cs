using System.Text;
using Portcullis.Core;
using Portcullis.Syntax;

namespace Portcullis.Cli.Targets;

/// <summary>What reading one target produced: a source to scan, a reason to skip it, or an error.</summary>
internal sealed record TargetRead(SourceText? Source, string? Skipped, string? Error);

/// <summary>
/// Reads a file or standard input into a <see cref="SourceText"/>: enforces the size limit before
/// reading, names the language, and refuses binary data and invalid UTF-8 in what was named explicitly
/// (a directory walk skips binaries and scans mis-encoded text with a warning).
/// </summary>
internal static class TargetReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static TargetRead ReadFile(string path, bool isExplicit, string? language, int maxBytes)
    {
        var info = new FileInfo(path);
        if (info.Length > maxBytes)
        {
            return new TargetRead(null, null, $"{path}: {info.Length:N0} bytes is over the {maxBytes:N0}-byte limit per file (raise it with --max-bytes)");
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            return new TargetRead(null, null, $"{path}: cannot read: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return new TargetRead(null, null, $"{path}: cannot read: {e.Message}");
        }
        return FromBytes(path, bytes, isExplicit, language, maxBytes);
    }

    public static TargetRead FromBytes(string path, byte[] bytes, bool isExplicit, string? language, int maxBytes)
    {
        if (bytes.Length > maxBytes)
        {
            return new TargetRead(null, null, $"{path}: {bytes.Length:N0} bytes is over the {maxBytes:N0}-byte limit per file (raise it with --max-bytes)");
        }
        var sniff = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
        if (sniff.IndexOf((byte)0) >= 0)
        {
            return isExplicit
                ? new TargetRead(null, null, $"{path}: binary data (NUL bytes), not source code")
                : new TargetRead(null, "binary", null);
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            if (isExplicit)
            {
                return new TargetRead(null, null, $"{path}: not valid UTF-8; re-encode the file as UTF-8");
            }
            text = Encoding.UTF8.GetString(bytes);
        }
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        var resolved = language ?? LanguageDetector.Detect(path, text);
        if (resolved is null)
        {
            if (isExplicit)
            {
                return new TargetRead(null, null, $"{path}: cannot tell the language from the file name or a #! line; pass --lang");
            }
            // Files of unknown type in a walked folder are still read for secrets.
            resolved = LanguageIds.Text;
        }
        return new TargetRead(new SourceText(path, resolved, text), null, null);
    }
}
