using System.Buffers.Text;
using System.Globalization;
using System.Text;
using GalleryOrleans.Gateway.S3.Errors;

namespace GalleryOrleans.Gateway.S3.Requests;

/// <summary>The query of ListObjects (v1) or ListObjectsV2 (<c>list-type=2</c>).</summary>
public sealed class ListObjectsQuery
{
    public const int MaxKeysLimit = 1000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public bool IsV2 { get; private init; }

    public string Prefix { get; private init; } = "";

    public string? Delimiter { get; private init; }

    /// <summary>0 to 1000; larger requests are served 1000 keys, as S3 does.</summary>
    public int MaxKeys { get; private init; } = MaxKeysLimit;

    /// <summary><c>encoding-type=url</c>: keys and prefixes in the answer are URL-encoded.</summary>
    public bool UrlEncoded { get; private init; }

    /// <summary>v1 <c>marker</c>, echoed back.</summary>
    public string? Marker { get; private init; }

    /// <summary>v2 <c>start-after</c>, echoed back.</summary>
    public string? StartAfter { get; private init; }

    /// <summary>v2 <c>continuation-token</c> as sent, echoed back.</summary>
    public string? ContinuationToken { get; private init; }

    /// <summary>v2 <c>fetch-owner=true</c>: each entry names its owner (v1 always does).</summary>
    public bool FetchOwner { get; private init; }

    /// <summary>
    /// List only keys after this one (ordinal UTF-8 order): the marker (v1), else the continuation token's key, else
    /// start-after (v2). When it is a common prefix the listing returned (ends with the delimiter), resume after every key under it.
    /// </summary>
    public string? After { get; private init; }

    public static ListObjectsQuery Parse(IQueryCollection query) => Parse(query, after: null);

    /// <summary>Reads a listing query; <paramref name="after"/>, when given, is where the page starts instead of any marker.</summary>
    public static ListObjectsQuery Parse(IQueryCollection query, string? after)
    {
        var listType = Single(query, "list-type");
        if (listType is not (null or "2"))
        {
            throw Invalid("Invalid List Type specified in Request");
        }

        var encodingType = Single(query, "encoding-type");
        if (!string.IsNullOrEmpty(encodingType) && encodingType != "url")
        {
            throw Invalid("Invalid Encoding Method specified in Request");
        }

        var isV2 = listType == "2";
        var continuationToken = isV2 ? Single(query, "continuation-token") : null;
        var startAfter = isV2 ? NullIfEmpty(Single(query, "start-after")) : null;
        var marker = isV2 ? null : NullIfEmpty(Single(query, "marker"));
        return new ListObjectsQuery
        {
            IsV2 = isV2,
            Prefix = Single(query, "prefix") ?? "",
            Delimiter = NullIfEmpty(Single(query, "delimiter")),
            MaxKeys = ParseMaxKeys(Single(query, "max-keys")),
            UrlEncoded = encodingType == "url",
            Marker = marker,
            StartAfter = startAfter,
            ContinuationToken = continuationToken,
            FetchOwner = isV2 && string.Equals(Single(query, "fetch-owner"), "true", StringComparison.OrdinalIgnoreCase),
            // An empty token is the first page, as S3 answers it (echoed back as sent).
            After = after ?? (isV2 ? (string.IsNullOrEmpty(continuationToken) ? startAfter : DecodeContinuationToken(continuationToken)) : marker),
        };
    }

    /// <summary>
    /// The opaque v2 continuation token that resumes after <paramref name="key"/>: base64url, so it needs no escaping
    /// in a query string (a stray '+' would read back as a space).
    /// </summary>
    public static string EncodeContinuationToken(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    public static string DecodeContinuationToken(string token)
    {
        try
        {
            var key = StrictUtf8.GetString(Base64Url.DecodeFromChars(token));
            return key.Length > 0 && !key.Contains('\0') ? key : throw new FormatException("Empty continuation token or one holding NUL.");
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            throw new S3Exception(S3ErrorCodes.InvalidArgument, "The continuation token provided is incorrect", e);
        }
    }

    private static int ParseMaxKeys(string? text)
    {
        if (text is null)
        {
            return MaxKeysLimit;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var maxKeys))
        {
            throw Invalid("Provided max-keys not an integer or within integer range");
        }

        return maxKeys >= 0 ? Math.Min(maxKeys, MaxKeysLimit) : throw Invalid("Argument maxKeys must be an integer between 0 and 2147483647");
    }

    private static string? Single(IQueryCollection query, string name)
    {
        var values = query[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw Invalid($"The {name} parameter may appear only once."),
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static S3Exception Invalid(string message) => new(S3ErrorCodes.InvalidArgument, message);
}
