using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace GalleryOrleans.Abstractions.Storage;

/// <summary>S3's bucket naming rules, the gallery's reserved prefix, and what object keys may be.</summary>
public static class BucketNames
{
    /// <summary>Names with this prefix are the users' default gallery buckets, made by the system.</summary>
    public const string ReservedPrefix = "gallery-";

    public const int MaxKeyBytes = 1024;

    private static readonly string[] ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
    private static readonly string[] ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

    public static string DefaultFor(Guid userId) => ReservedPrefix + userId.ToString("N");

    public static bool IsValid([NotNullWhen(true)] string? name) =>
        name is { Length: >= 3 and <= 63 }
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')
        && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1])
        && !name.Contains("..", StringComparison.Ordinal)
        // A label may not start or end with a dash (DNS), so a dot and a dash never touch.
        && !name.Contains(".-", StringComparison.Ordinal) && !name.Contains("-.", StringComparison.Ordinal)
        && !IsIpAddress(name)
        && !ReservedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))
        && !ReservedSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.Ordinal));

    public static bool IsValidKey([NotNullWhen(true)] string? key) => key is not null && CheckKey(key) == KeyProblem.None;

    /// <summary>
    /// Keys are 1 to 1024 bytes of valid UTF-8 (S3's limits) and, stricter than S3, hold no control
    /// characters nor U+FFFE/U+FFFF: XML 1.0 cannot carry most of them in listings, and a key with NUL
    /// or a line break is far more likely an attack on some tool than a photo name.
    /// </summary>
    public static KeyProblem CheckKey(string key)
    {
        if (key.Length == 0)
        {
            return KeyProblem.Empty;
        }
        var bytes = 0;
        var remaining = key.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return KeyProblem.NotUnicode;
            }
            if ((Rune.IsControl(rune) && rune.Value <= 0x7F) || rune.Value is 0xFFFE or 0xFFFF)
            {
                return KeyProblem.ControlCharacter;
            }
            bytes += rune.Utf8SequenceLength;
            remaining = remaining[consumed..];
        }
        return bytes > MaxKeyBytes ? KeyProblem.TooLong : KeyProblem.None;
    }

    private static bool IsIpAddress(string name) =>
        name.Split('.') is { Length: 4 } parts && parts.All(part => part.Length > 0 && part.All(char.IsAsciiDigit));
}

public enum KeyProblem
{
    None,
    Empty,
    NotUnicode,
    ControlCharacter,
    TooLong,
}
