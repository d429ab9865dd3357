using System.Globalization;
using GalleryOrleans.Gateway.S3.SigV4;
using GalleryOrleans.Tests.S3;

namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>
/// Signs a raw S3 request (SigV4 header, UNSIGNED-PAYLOAD unless the caller sets x-amz-content-sha256, every x-amz-* header signed) with the gateway's own
/// canonicalisation, so that odd paths, keys and queries get past the signature check and reach the handlers.
/// </summary>
public sealed class RawS3Signer(Uri endpoint, string accessKeyId, string secretAccessKey)
{
    private const string Region = "us-east-1";

    public Task<RawResponse> SendAsync(string method, string target, IReadOnlyDictionary<string, string>? headers = null, byte[]? body = null) =>
        RawHttp.SendAsync(endpoint, method, target, Sign(method, target, headers ?? new Dictionary<string, string>()), body ?? []);

    public List<KeyValuePair<string, string>> Sign(string method, string target, IReadOnlyDictionary<string, string> headers)
    {
        var timestamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["x-amz-date"] = timestamp,
            ["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD",
        };
        foreach (var (name, value) in headers)
        {
            all[name] = value;
        }
        all["host"] = endpoint.Authority;
        var signed = all.Keys.Select(k => k.ToLowerInvariant())
            .Where(k => k is "host" or "content-type" or "content-md5" || k.StartsWith("x-amz-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var scope = $"{timestamp[..8]}/{Region}/s3/{SigV4Crypto.Terminator}";
        var placeholder = $"{SigV4Crypto.Algorithm} Credential={accessKeyId}/{scope}, SignedHeaders={string.Join(';', signed)}, Signature={new string('0', 64)}";
        var request = TestRequests.Create(method, target, all.Append(new("authorization", placeholder)));
        var canonical = CanonicalRequest.Build(request, SigV4Authorization.Parse(request)!);
        var stringToSign = $"{SigV4Crypto.Algorithm}\n{timestamp}\n{scope}\n{SigV4Crypto.Sha256Hex(canonical)}";
        var signature = SigV4Crypto.Sign(SigV4Crypto.SigningKey(secretAccessKey, timestamp[..8], Region, "s3"), stringToSign);
        all.Remove("host");
        all["authorization"] = placeholder.Replace(new string('0', 64), signature, StringComparison.Ordinal);
        return [.. all];
    }
}
