using System.Text;

namespace GalleryOrleans.Tests.Resilience;

/// <summary>One malformed request: what to send, and a description that lets a failure be replayed by hand.</summary>
public sealed record FuzzRequest(string Method, string Target, Dictionary<string, string> Headers, byte[] Body, bool Sign)
{
    public override string ToString() =>
        $"{Method} {Target} [{string.Join("; ", Headers.Select(h => $"{h.Key}: {Shorten(h.Value)}"))}] body {Body.Length} B: {Shorten(Encoding.UTF8.GetString(Body))}";

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "...";
}

/// <summary>
/// Seeded generators of bad input for the API and the S3 port: broken and mistyped JSON, broken multipart, junk
/// tokens and headers, odd paths, keys, queries and XML. The same seed gives the same requests.
/// </summary>
public sealed class FuzzInputs(Random random, string token, string albumId, string mediaId, string bucket)
{
    private static readonly string[] ApiRoutes =
    [
        "POST /api/auth/register", "POST /api/auth/login", "POST /api/auth/refresh", "POST /api/auth/google",
        "POST /api/auth/forgot-password", "POST /api/auth/reset-password", "POST /api/auth/verify-email",
        "PATCH /api/users/me", "POST /api/users/me/password", "POST /api/auth/keys", "DELETE /api/auth/keys/{junk}",
        "POST /api/buckets", "DELETE /api/buckets/{junk}", "POST /api/albums", "PATCH /api/albums/{album}",
        "PUT /api/albums/{album}/media/{junk}", "GET /api/albums?limit={junk}&cursor={junk}", "POST /api/media/upload", "POST /api/media",
        "GET /api/media?limit={junk}&cursor={junk}&albumId={junk}&favorite={junk}", "PATCH /api/media/{media}",
        "GET /api/media/{media}/thumbnail?size={junk}", "GET /api/media/{media}/content", "POST /api/shares",
        "PATCH /api/shares/{junk}", "DELETE /api/shares/{junk}", "GET /s/{junk}", "POST /s/{junk}/unlock",
        "GET /s/{junk}/media/{media}/content", "POST /api/similar/detect", "GET /api/similar/groups?cursor={junk}&limit={junk}",
        "DELETE /api/similar/groups/{junk}", "GET /api/shares?albumId={junk}",
    ];

    private static readonly string[] Fields =
    [
        "name", "email", "password", "username", "firstName", "birthDate", "phoneNumber", "refreshToken", "idToken", "token",
        "newPassword", "currentPassword", "albumId", "mediaId", "expiresAt", "accessCode", "recipientName", "threshold",
        "isFavorite", "type", "code", "keep", "ids",
    ];

    private static readonly string[] JsonValues =
    [
        "null", "true", "0", "-1", "1e999", "12345678901234567890123", "\"\"", "\"x\"", "[]", "{}", "[1,2]", "{\"a\":{}}",
        "\"2026-13-45\"", "\"\\ud800\"", "\"\u0000\"", "\"" + new string('a', 10_000) + "\"", "\"00000000-0000-0000-0000-000000000000\"",
        "\"../../etc/passwd\"", "\"<script>\"", "\"\\u0000\"", "-0.0", "NaN",
    ];

    private static readonly string[] S3Keys =
    [
        "k", "a/b/c", "%00", "%ff%fe", "..", "../../etc/passwd", "a%2F..%2F..%2Fb", "%", "%zz", "a//b", "%20", "+", "?", "%3F",
        new string('k', 1100), "caf%C3%A9", "%E2%80%AE", "a;b", "a%0D%0Ab", "~", "*", ".",
    ];

    private static readonly string[] S3Queries =
    [
        "", "?uploads", "?uploadId=junk", "?uploadId=00000000000000000000000000000000", "?partNumber=0&uploadId=x", "?partNumber=abc&uploadId=x",
        "?partNumber=10001&uploadId=x", "?delete", "?list-type=2&max-keys=-1", "?list-type=3", "?max-keys=abc", "?max-keys=99999999999",
        "?list-type=2&continuation-token=%ff", "?marker=%00", "?prefix=%ff&delimiter=", "?delimiter=%00", "?acl", "?versioning",
        "?versions", "?location", "?tagging", "?X-Amz-Algorithm=junk", "?X-Amz-Credential=a/b", "?start-after=&encoding-type=xml",
        "?encoding-type=url&prefix=a", "?uploads&max-uploads=-5", "?uploads&key-marker=%ff", "?response-content-type=%0d%0a",
        "?partNumber=1", "?a=%", "?=&=&", "?list-type=2&fetch-owner=maybe",
    ];

    public FuzzRequest NextApi()
    {
        var route = Pick(ApiRoutes).Replace("{album}", Maybe(albumId)).Replace("{media}", Maybe(mediaId));
        while (route.Contains("{junk}", StringComparison.Ordinal))
        {
            var at = route.IndexOf("{junk}", StringComparison.Ordinal);
            route = route[..at] + Uri.EscapeDataString(Junk()) + route[(at + 6)..];
        }
        var space = route.IndexOf(' ');
        var headers = new Dictionary<string, string>();
        var authorization = random.Next(6) switch
        {
            0 => null,
            1 => "Bearer " + Junk(),
            2 => "Bearer " + token[..random.Next(token.Length)],
            3 => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Junk())),
            _ => "Bearer " + token,
        };
        if (authorization is not null)
        {
            headers["Authorization"] = authorization;
        }
        var multipart = route.Contains("/api/media", StringComparison.Ordinal) && route.StartsWith("POST", StringComparison.Ordinal) && random.Next(4) > 0;
        var (contentType, body) = multipart ? Multipart() : Json();
        if (contentType is not null)
        {
            headers["Content-Type"] = contentType;
        }
        AddOddHeaders(headers);
        return new FuzzRequest(route[..space], route[(space + 1)..], headers, body, Sign: false);
    }

    public FuzzRequest NextS3()
    {
        var method = Pick(["GET", "PUT", "POST", "DELETE", "HEAD", "PATCH", "OPTIONS"]);
        var bucketName = random.Next(4) == 0 ? Pick(["A", "ab", "xn--a", "-bad-", "a..b", new string('b', 70), "%ff", "gallery-x"]) : bucket;
        var path = random.Next(5) switch
        {
            0 => "/",
            1 => $"/{bucketName}",
            _ => $"/{bucketName}/{Pick(S3Keys)}",
        };
        var headers = new Dictionary<string, string>();
        foreach (var _ in Enumerable.Range(0, random.Next(3)))
        {
            var (name, value) = Pick<(string, string)>(
            [
                ("Range", Pick(["bytes=5-1", "bytes=-0", "bytes=abc", "bytes=0-0,5-9", "items=0-1", "bytes=99999999999999999999-"])),
                ("x-amz-copy-source", Pick(["", "/", "junk", $"/{bucket}/nope", $"{bucket}/k", "%ff/%00", $"/{bucket}/k?versionId=1"])),
                ("x-amz-copy-source-range", Pick(["bytes=0-", "bytes=9-1", "junk"])),
                ("Content-MD5", Pick(["junk", "", "AAAA", Convert.ToBase64String(new byte[16])])),
                ("x-amz-checksum-sha256", Pick(["junk", "", "AAAA"])),
                ("x-amz-meta-odd", Pick(["caf\u00e9", "=?UTF-8?B?####?=", "=?UTF-8?Q?=ZZ?=", new string('m', 3000)])),
                ("x-amz-decoded-content-length", Pick(["-1", "abc", "99999999999999999999"])),
                ("x-amz-content-sha256", Pick(["STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "junk", new string('0', 64)])),
                ("Content-Encoding", "aws-chunked"),
                ("x-amz-trailer", Pick(["x-amz-checksum-crc32", "junk"])),
                ("If-Match", Pick(["*", "\"x\"", "junk"])),
                ("If-None-Match", Pick(["*", "junk"])),
                ("x-amz-metadata-directive", Pick(["REPLACE", "junk"])),
                ("Content-Type", Pick(["", "a/b", "multipart/form-data"])),
            ]);
            headers[name] = value;
        }
        var sign = random.Next(10) > 2;
        if (!sign && random.Next(2) == 0)
        {
            headers["Authorization"] = Pick(["AWS4-HMAC-SHA256 junk", "AWS abc:def", "AWS4-HMAC-SHA256 Credential=a/b/c, SignedHeaders=host, Signature=00", Junk()]);
        }
        return new FuzzRequest(method, path + Pick(S3Queries), headers, S3Body(), sign);
    }

    private byte[] S3Body() => random.Next(6) switch
    {
        0 => [],
        1 => Encoding.UTF8.GetBytes(Pick(
        [
            "<CompleteMultipartUpload><Part><PartNumber>x</PartNumber><ETag>y</ETag></Part></CompleteMultipartUpload>",
            "<CompleteMultipartUpload><Part><PartNumber>99999999999</PartNumber></Part>",
            "<Delete><Object><Key></Key></Object></Delete>",
            "<Delete>" + string.Concat(Enumerable.Repeat("<Object><Key>k</Key></Object>", 1500)) + "</Delete>",
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Delete><Object><Key>&e;</Key></Object></Delete>",
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><Delete><Object><Key>&b;</Key></Object></Delete>",
            string.Concat(Enumerable.Repeat("<a>", 5000)), "<Delete><Quiet>maybe</Quiet></Delete>", "not xml", "<",
        ])),
        2 => "5\r\nhello\r\n0\r\n\r\n"u8.ToArray(),
        3 => "zz;chunk-signature=00\r\nabc\r\n"u8.ToArray(),
        _ => Bytes(random.Next(2000)),
    };

    private (string?, byte[]) Json()
    {
        var contentType = random.Next(8) switch
        {
            0 => null,
            1 => "text/plain",
            2 => "application/json; charset=latin1",
            3 => Junk(),
            _ => "application/json",
        };
        byte[] body = random.Next(8) switch
        {
            0 => Bytes(random.Next(300)),
            1 => Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)),
            2 => Encoding.UTF8.GetBytes(Pick(["{", "[]", "null", "\"s\"", "{\"a\":}", "{,}", "", "{\"name\":\"x\"", "\u00ff\u00fe", "{\"a\":1}{\"b\":2}"])),
            3 => [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D],
            _ => Encoding.UTF8.GetBytes("{" + string.Join(',', Enumerable.Range(0, random.Next(1, 5)).Select(_ => $"\"{Pick(Fields)}\":{Pick(JsonValues)}")) + "}"),
        };
        return (contentType, body);
    }

    private (string, byte[]) Multipart()
    {
        var boundary = Pick(["b", "x-boundary", new string('b', 70), "\"quoted\"", ""]);
        var part = random.Next(6) switch
        {
            0 => $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\n\u00ff\u00d8\u00ff\u00e0JFIF",
            1 => $"--{boundary}\r\nContent-Disposition: junk\r\n\r\nx\r\n--{boundary}--\r\n",
            2 => $"--{boundary}\r\n" + new string('h', 20_000) + ": v\r\n\r\nx\r\n--{boundary}--\r\n",
            3 => $"--{boundary}\r\nContent-Disposition: form-data; name=\"albumId\"\r\n\r\n{Junk()}\r\n--{boundary}--\r\n",
            4 => $"--{boundary}--",
            _ => $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''%ff%fe\r\n\r\n{Junk()}\r\n--{boundary}",
        };
        var bytes = Encoding.Latin1.GetBytes(part);
        if (random.Next(3) == 0)
        {
            bytes = bytes[..random.Next(bytes.Length + 1)];
        }
        var contentType = Pick([$"multipart/form-data; boundary={boundary}", "multipart/form-data", "multipart/form-data; boundary=", $"multipart/mixed; boundary={boundary}"]);
        return (contentType, bytes);
    }

    private void AddOddHeaders(Dictionary<string, string> headers)
    {
        foreach (var _ in Enumerable.Range(0, random.Next(3)))
        {
            var (name, value) = Pick<(string, string)>(
            [
                ("Range", Pick(["bytes=5-1", "bytes=abc", "bytes=-0", "bytes=0-1,2-3"])),
                ("If-None-Match", Pick(["*", "junk", "\"x\""])),
                ("Accept", Junk()),
                ("Accept-Encoding", Pick(["gzip;q=abc", "*;q=-1"])),
                ("X-Forwarded-For", Pick(["junk", "1.2.3.4, junk", "::1"])),
                ("Cookie", Pick(["share-session=junk", "a=b; " + new string('c', 4000)])),
                ("X-Share-Session", Junk()),
                ("Content-Encoding", Pick(["gzip", "junk"])),
            ]);
            headers[name] = value;
        }
    }

    private string Maybe(string id) => random.Next(3) == 0 ? new Guid(Bytes(16)).ToString() : id;

    private string Junk() => random.Next(6) switch
    {
        0 => "",
        1 => new string('x', random.Next(1, 3000)),
        2 => "%00%ff",
        3 => new Guid(Bytes(16)).ToString("N"),
        4 => "../..\\..",
        _ => Convert.ToBase64String(Bytes(random.Next(1, 60))),
    };

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(T[] choices) => choices[random.Next(choices.Length)];
}
