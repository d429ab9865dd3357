using System.Collections.Concurrent;
using System.Net;
using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Payload;
using GalleryOrleans.Gateway.S3.Requests;
using GalleryOrleans.Gateway.S3.SigV4;
using GalleryOrleans.Gateway.S3.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GalleryOrleans.Tests.S3;

/// <summary>What the server saw of one request and what it made of it.</summary>
public sealed record SeenRequest(
    string Method,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    string? ErrorCode,
    PayloadMode? PayloadMode,
    byte[]? Body,
    string? ChecksumBase64);

/// <summary>
/// A minimal S3 on Kestrel (loopback, free port) built from the protocol pieces: every request is verified with
/// <see cref="SigV4Verifier"/>; PUT object decodes and checks the body with <see cref="S3Payload"/>; GET object and
/// ListObjects(V2) serve what was stored. Everything it saw is recorded for the tests.
/// </summary>
public sealed class FakeS3Server : IAsyncDisposable
{
    public const string AccessKeyId = "GALLERYTESTKEY000001";
    public const string SecretKey = "gallery/Test+Secret/Key0123456789abcdefgh";

    private static readonly DateTimeOffset StoredAt = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly WebApplication app;
    private readonly SigV4Verifier verifier = new(TimeProvider.System);
    private readonly ConcurrentQueue<SeenRequest> seen = new();
    private readonly ConcurrentDictionary<(string Bucket, string Key), byte[]> objects = new();

    private FakeS3Server(WebApplication app) => this.app = app;

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyCollection<SeenRequest> Seen => seen;

    /// <param name="https">Serve HTTPS with a self-signed certificate: SDKs send unsigned-payload modes only over TLS.</param>
    public static async Task<FakeS3Server> StartAsync(bool https)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (https)
            {
                listen.UseHttps(LoopbackCertificate.Create());
            }
        }));
        var app = builder.Build();
        var server = new FakeS3Server(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseUri = new Uri(address);
        return server;
    }

    /// <summary>The requests seen after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<SeenRequest> SeenSince(int skip) => seen.Skip(skip).ToList();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private static Task<S3Credential?> FindCredential(string accessKeyId, CancellationToken cancellationToken) =>
        Task.FromResult(accessKeyId == AccessKeyId ? new S3Credential(AccessKeyId, SecretKey, Guid.Empty) : null);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var headers = request.Headers.ToDictionary(header => header.Key.ToLowerInvariant(), header => header.Value.ToString());
        var result = await verifier.VerifyAsync(request, FindCredential, context.RequestAborted);
        if (result is SigV4Failure failure)
        {
            seen.Enqueue(new SeenRequest(request.Method, rawTarget, headers, failure.Error.Code, null, null, null));
            await S3ErrorResponse.WriteAsync(context, failure.Error, "fake", context.RequestAborted);
            return;
        }

        var success = (SigV4Success)result;
        try
        {
            var (body, checksum) = await ServeAsync(context, success);
            seen.Enqueue(new SeenRequest(request.Method, rawTarget, headers, null, success.PayloadMode, body, checksum));
        }
        catch (S3Exception e)
        {
            seen.Enqueue(new SeenRequest(request.Method, rawTarget, headers, e.Error.Code, success.PayloadMode, null, null));
            await S3ErrorResponse.WriteAsync(context, e.Error, "fake", context.RequestAborted);
        }
    }

    private async Task<(byte[]? Body, string? Checksum)> ServeAsync(HttpContext context, SigV4Success authorization)
    {
        var request = context.Request;
        var response = context.Response;
        var path = S3Path.Parse(request);
        if (path.Bucket is null)
        {
            throw new S3Exception(S3ErrorCodes.NotImplemented, "Only object and listing requests are served.");
        }

        BucketNameRules.Validate(path.Bucket);
        if (path.Key is null)
        {
            if (!HttpMethods.IsGet(request.Method))
            {
                throw new S3Exception(S3ErrorCodes.NotImplemented, "Only listings are served on buckets.");
            }

            var query = ListObjectsQuery.Parse(request.Query);
            var listing = S3Xml.ListBucket(path.Bucket, query, List(path.Bucket, query));
            response.ContentType = "application/xml";
            await response.Body.WriteAsync(listing, context.RequestAborted);
            return (null, null);
        }

        ObjectKeyRules.Validate(path.Key);
        if (HttpMethods.IsPut(request.Method))
        {
            var payload = S3Payload.Open(request, authorization);
            using var copy = new MemoryStream();
            await payload.Body.CopyToAsync(copy, context.RequestAborted);
            var data = copy.ToArray();
            objects[(path.Bucket, path.Key)] = data;
            response.Headers.ETag = S3Format.QuoteETag(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(data)));
            return (data, payload.ChecksumBase64);
        }

        if (HttpMethods.IsGet(request.Method))
        {
            var data = objects.GetValueOrDefault((path.Bucket, path.Key))
                ?? throw new S3Exception(S3ErrorCodes.NoSuchKey, "The specified key does not exist.");
            response.Headers.ETag = S3Format.QuoteETag(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(data)));
            response.Headers.LastModified = StoredAt.ToString("R");
            response.ContentType = "application/octet-stream";
            response.ContentLength = data.Length;
            await response.Body.WriteAsync(data, context.RequestAborted);
            return (null, null);
        }

        throw new S3Exception(S3ErrorCodes.NotImplemented, "Only PUT and GET are served on objects.");
    }

    private ListObjectsPage List(string bucket, ListObjectsQuery query)
    {
        var entries = new List<ObjectEntry>();
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, data) in objects.Where(entry => entry.Key.Bucket == bucket).Select(entry => (entry.Key.Key, entry.Value))
                     .Where(entry => entry.Key.StartsWith(query.Prefix, StringComparison.Ordinal)
                         && (query.After is null || string.CompareOrdinal(entry.Key, query.After) > 0))
                     .OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var delimiterAt = query.Delimiter is null ? -1 : key.IndexOf(query.Delimiter, query.Prefix.Length, StringComparison.Ordinal);
            if (delimiterAt >= 0)
            {
                prefixes.Add(key[..(delimiterAt + query.Delimiter!.Length)]);
            }
            else
            {
                entries.Add(new ObjectEntry(key, StoredAt, Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(data)), data.Length));
            }
        }

        return new ListObjectsPage(entries, [.. prefixes], null);
    }
}
