using System.Text;
using GalleryOrleans.Gateway.S3.SigV4;
using Microsoft.AspNetCore.Http;

namespace GalleryOrleans.Tests.S3;

/// <summary>
/// The signature examples of the Amazon S3 API reference (Signature Version 4: single chunk, chunked upload,
/// trailing headers, query string authentication), all at 20130524T000000Z with the documented example key.
/// </summary>
internal static class AwsDocExamples
{
    public const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    public const string Credential = "Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request";
    public const string ChunkSeedSignature = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    public const string TrailerSeedSignature = "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e";

    public static readonly DateTimeOffset Time = new(2013, 5, 24, 0, 0, 0, TimeSpan.Zero);

    public static readonly string[] ChunkSignatures =
    [
        "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
        "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
        "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9",
    ];

    public static readonly string[] TrailerChunkSignatures =
    [
        "b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2",
        "1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7",
        "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992",
    ];

    public const string TrailerSignature = "d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435";

    public static S3Credential ExampleCredential { get; } = new(AccessKeyId, SecretKey, Guid.Parse("11111111-2222-3333-4444-555555555555"));

    public static Task<S3Credential?> FindCredential(string accessKeyId, CancellationToken cancellationToken) =>
        Task.FromResult(accessKeyId == AccessKeyId ? ExampleCredential : null);

    public static Dictionary<string, string> GetObjectHeaders() => new()
    {
        ["Host"] = "examplebucket.s3.amazonaws.com",
        ["Range"] = "bytes=0-9",
        ["x-amz-content-sha256"] = EmptySha256,
        ["x-amz-date"] = "20130524T000000Z",
        ["Authorization"] = $"AWS4-HMAC-SHA256 {Credential},SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
            + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    };

    public static HttpRequest GetObject() => TestRequests.Create("GET", "/test.txt", GetObjectHeaders());

    public static readonly byte[] PutObjectBody = Encoding.ASCII.GetBytes("Welcome to Amazon S3.");

    public static Dictionary<string, string> PutObjectHeaders() => new()
    {
        ["Host"] = "examplebucket.s3.amazonaws.com",
        ["Date"] = "Fri, 24 May 2013 00:00:00 GMT",
        ["x-amz-date"] = "20130524T000000Z",
        ["x-amz-storage-class"] = "REDUCED_REDUNDANCY",
        ["x-amz-content-sha256"] = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
        ["Content-Length"] = "21",
        ["Authorization"] = $"AWS4-HMAC-SHA256 {Credential},SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
            + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd",
    };

    public static HttpRequest PutObject(string rawTarget = "/test%24file.text", byte[]? body = null) =>
        TestRequests.Create("PUT", rawTarget, PutObjectHeaders(), body ?? PutObjectBody);

    public static HttpRequest GetBucketLifecycle() => TestRequests.Create("GET", "/?lifecycle", new Dictionary<string, string>
    {
        ["Host"] = "examplebucket.s3.amazonaws.com",
        ["x-amz-date"] = "20130524T000000Z",
        ["x-amz-content-sha256"] = EmptySha256,
        ["Authorization"] = $"AWS4-HMAC-SHA256 {Credential},SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
            + "Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543",
    });

    public static HttpRequest ListObjects(string rawTarget = "/?max-keys=2&prefix=J") => TestRequests.Create("GET", rawTarget, new Dictionary<string, string>
    {
        ["Host"] = "examplebucket.s3.amazonaws.com",
        ["x-amz-date"] = "20130524T000000Z",
        ["x-amz-content-sha256"] = EmptySha256,
        ["Authorization"] = $"AWS4-HMAC-SHA256 {Credential},SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
            + "Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7",
    });

    public const string PresignedTarget = "/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
        + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
        + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

    public static HttpRequest Presigned(string rawTarget = PresignedTarget) =>
        TestRequests.Create("GET", rawTarget, new Dictionary<string, string> { ["Host"] = "examplebucket.s3.amazonaws.com" });

    /// <summary>The chunked upload example: 65 KiB of 'a' in chunks of 64 KiB, 1 KiB and the final empty one.</summary>
    public static HttpRequest ChunkedPut(byte[]? body = null) =>
        TestRequests.Create("PUT", "/examplebucket/chunkObject.txt", new Dictionary<string, string>
        {
            ["Host"] = "s3.amazonaws.com",
            ["x-amz-date"] = "20130524T000000Z",
            ["x-amz-storage-class"] = "REDUCED_REDUNDANCY",
            ["x-amz-content-sha256"] = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
            ["Content-Encoding"] = "aws-chunked",
            ["x-amz-decoded-content-length"] = "66560",
            ["Content-Length"] = "66824",
            ["Authorization"] = $"AWS4-HMAC-SHA256 {Credential},SignedHeaders=content-encoding;content-length;host;"
                + $"x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class,Signature={ChunkSeedSignature}",
        }, body ?? ChunkedBody(ChunkSignatures, trailer: null));

    /// <summary>The trailing header example: the same object, with a signed x-amz-checksum-crc32c trailer.</summary>
    public static HttpRequest TrailerPut(byte[]? body = null) =>
        TestRequests.Create("PUT", "/examplebucket/chunkObject.txt", new Dictionary<string, string>
        {
            ["Host"] = "s3.amazonaws.com",
            ["x-amz-date"] = "20130524T000000Z",
            ["x-amz-storage-class"] = "REDUCED_REDUNDANCY",
            ["x-amz-content-sha256"] = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
            ["Content-Encoding"] = "aws-chunked",
            ["x-amz-decoded-content-length"] = "66560",
            ["x-amz-trailer"] = "x-amz-checksum-crc32c",
            ["Content-Length"] = "66946",
            ["Authorization"] = $"AWS4-HMAC-SHA256 {Credential},SignedHeaders=content-encoding;host;x-amz-content-sha256;"
                + $"x-amz-date;x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer,Signature={TrailerSeedSignature}",
        }, body ?? ChunkedBody(TrailerChunkSignatures, $"x-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:{TrailerSignature}\r\n"));

    public static byte[] ChunkedBody(string[] signatures, string? trailer)
    {
        var body = new MemoryStream();
        void Ascii(string text) => body.Write(Encoding.ASCII.GetBytes(text));
        int[] sizes = [65536, 1024, 0];
        for (var i = 0; i < sizes.Length; i++)
        {
            Ascii($"{sizes[i]:x};chunk-signature={signatures[i]}\r\n");
            body.Write(Enumerable.Repeat((byte)'a', sizes[i]).ToArray());
            if (sizes[i] > 0)
            {
                Ascii("\r\n");
            }
        }

        Ascii(trailer ?? "");
        Ascii("\r\n");
        return body.ToArray();
    }
}
