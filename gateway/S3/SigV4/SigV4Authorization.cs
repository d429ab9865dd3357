using System.Globalization;
using GalleryOrleans.Gateway.S3.Errors;
using Microsoft.Extensions.Primitives;

namespace GalleryOrleans.Gateway.S3.SigV4;

/// <summary>The SigV4 fields of a request, from the Authorization header or from a presigned URL's query.</summary>
internal sealed record SigV4Authorization(
    string AccessKeyId,
    string Region,
    IReadOnlyList<string> SignedHeaders,
    string Signature,
    DateTimeOffset Time,
    string Timestamp,
    string PayloadHash,
    TimeSpan? Expires)
{
    private const string UnsupportedMechanism =
        "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.";

    public bool IsPresigned => Expires is not null;

    public string Scope => $"{Timestamp[..8]}/{Region}/s3/{SigV4Crypto.Terminator}";

    /// <summary>The request's SigV4 fields, or null for an anonymous request.</summary>
    public static SigV4Authorization? Parse(HttpRequest request)
    {
        var header = request.Headers.Authorization;
        var query = request.Query;
        var presigned = query.ContainsKey("X-Amz-Algorithm") || query.ContainsKey("X-Amz-Signature") || query.ContainsKey("X-Amz-Credential");
        if (!StringValues.IsNullOrEmpty(header) && presigned)
        {
            throw new S3Exception(S3ErrorCodes.InvalidArgument,
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified");
        }

        if (!StringValues.IsNullOrEmpty(header))
        {
            return FromHeader(header, request.Headers);
        }

        if (presigned)
        {
            return FromQuery(query);
        }

        if (query.ContainsKey("Signature") || query.ContainsKey("AWSAccessKeyId"))
        {
            throw new S3Exception(S3ErrorCodes.InvalidRequest, UnsupportedMechanism);
        }

        return null;
    }

    private static SigV4Authorization FromHeader(StringValues header, IHeaderDictionary headers)
    {
        const string code = S3ErrorCodes.AuthorizationHeaderMalformed;
        if (header.Count != 1)
        {
            throw new S3Exception(code, "The authorization header is malformed; it must appear once.");
        }

        var value = header.ToString();
        var space = value.IndexOf(' ');
        if (space < 0 || value[..space] != SigV4Crypto.Algorithm)
        {
            throw new S3Exception(S3ErrorCodes.InvalidRequest, UnsupportedMechanism);
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in value[(space + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0 || !fields.TryAdd(part[..equals], part[(equals + 1)..]))
            {
                throw new S3Exception(code, $"The authorization header is malformed; '{part}' is not a single name=value component.");
            }
        }

        if (fields.Count != 3 || !fields.TryGetValue("Credential", out var credential)
            || !fields.TryGetValue("SignedHeaders", out var signedHeaders) || !fields.TryGetValue("Signature", out var signature))
        {
            throw new S3Exception(code, "The authorization header requires exactly the Credential, SignedHeaders and Signature components.");
        }

        var (time, timestamp) = HeaderTime(headers);
        var payloadHash = headers["x-amz-content-sha256"].ToString();
        if (payloadHash.Length == 0)
        {
            throw new S3Exception(S3ErrorCodes.MissingSecurityHeader, "Missing required header for this request: x-amz-content-sha256");
        }

        var (accessKeyId, region) = ParseCredential(credential, timestamp, code, "The authorization header is malformed");
        return new SigV4Authorization(accessKeyId, region, ParseSignedHeaders(signedHeaders, code), signature, time, timestamp, payloadHash, null);
    }

    private static SigV4Authorization FromQuery(IQueryCollection query)
    {
        const string code = S3ErrorCodes.AuthorizationQueryParametersError;
        string Required(string name)
        {
            var values = query[name];
            return values.Count == 1 && !string.IsNullOrEmpty(values[0])
                ? values[0]!
                : throw new S3Exception(code,
                    "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, " +
                    "X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters, each once.");
        }

        if (Required("X-Amz-Algorithm") != SigV4Crypto.Algorithm)
        {
            throw new S3Exception(code, "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
        }

        var timestamp = Required("X-Amz-Date");
        if (!TryParseAmzDate(timestamp, out var time))
        {
            throw new S3Exception(code, "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }

        // A negative lifetime is a URL that expired before it was signed: the expiry check refuses it with 403, as RGW does.
        if (!int.TryParse(Required("X-Amz-Expires"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var expires)
            || expires > SigV4Verifier.MaxPresignedExpiry.TotalSeconds)
        {
            throw new S3Exception(code, "X-Amz-Expires must be a whole number of seconds up to 604800 (a week)");
        }

        var (accessKeyId, region) = ParseCredential(Required("X-Amz-Credential"), timestamp, code, "Error parsing the X-Amz-Credential parameter");
        var signedHeaders = ParseSignedHeaders(Required("X-Amz-SignedHeaders"), code);
        var payloadHash = query["X-Amz-Content-Sha256"] is { Count: 1 } hash ? hash.ToString() : "UNSIGNED-PAYLOAD";
        return new SigV4Authorization(accessKeyId, region, signedHeaders, Required("X-Amz-Signature"), time, timestamp,
            payloadHash, TimeSpan.FromSeconds(expires));
    }

    private static (DateTimeOffset Time, string Timestamp) HeaderTime(IHeaderDictionary headers)
    {
        var amzDate = headers["x-amz-date"].ToString();
        if (amzDate.Length > 0 && TryParseAmzDate(amzDate, out var time))
        {
            return (time, amzDate);
        }

        if (amzDate.Length == 0 && DateTimeOffset.TryParseExact(headers.Date.ToString(), "r", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal, out time))
        {
            return (time, time.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        }

        throw new S3Exception(S3ErrorCodes.AccessDenied, "AWS authentication requires a valid Date or x-amz-date header");
    }

    private static bool TryParseAmzDate(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    private static (string AccessKeyId, string Region) ParseCredential(string credential, string timestamp, string code, string prefix)
    {
        var parts = credential.Split('/');
        if (parts.Length != 5 || parts[0].Length == 0 || parts[2].Length == 0 || parts[4] != SigV4Crypto.Terminator)
        {
            throw new S3Exception(code,
                $"{prefix}; the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
        }

        if (parts[1] != timestamp[..8])
        {
            throw new S3Exception(code, $"{prefix}; Invalid credential date. Date is not the same as X-Amz-Date.");
        }

        if (parts[3] != "s3")
        {
            throw new S3Exception(code, $"{prefix}; incorrect service \"{parts[3]}\". This endpoint belongs to \"s3\".");
        }

        return (parts[0], parts[2]);
    }

    private static IReadOnlyList<string> ParseSignedHeaders(string signedHeaders, string code)
    {
        var names = signedHeaders.Split(';');
        if (names.Any(name => name.Length == 0 || name != name.ToLowerInvariant()) || !names.Contains("host"))
        {
            throw new S3Exception(code, "SignedHeaders must be lowercase header names separated by ';' and include host.");
        }

        return names;
    }
}
