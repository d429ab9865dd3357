using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.S3;

/// <summary>
/// An x-amz-* header the signer did not sign must not change what a request does: presigned URLs and
/// header-signed requests alike are refused with AccessDenied, as S3 refuses them.
/// </summary>
public sealed class UnsignedAmzHeaderTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    [Fact]
    public async Task A_presigned_put_with_an_injected_copy_source_is_refused_and_copies_nothing()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "private/secret.txt", ContentBody = "the signer's secret" });
        var url = await s3.PresignAsync(bucket, "inbox/upload.txt", HttpVerb.PUT);
        using var http = new HttpClient();

        using var injected = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent([]) };
        injected.Headers.Add("x-amz-copy-source", $"/{bucket}/private/secret.txt");
        var refused = await http.SendAsync(injected);
        var refusedBody = await refused.Content.ReadAsStringAsync();
        var afterRefusal = await Fails(() => s3.Client.GetObjectAsync(bucket, "inbox/upload.txt"));
        var plain = await http.PutAsync(url, new StringContent("what the link was for"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("<Code>AccessDenied</Code>", refusedBody);
        Assert.Equal("NoSuchKey", afterRefusal.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
    }

    [Fact]
    public async Task A_presigned_get_with_an_unsigned_amz_header_is_refused()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "photo.txt", ContentBody = "bytes" });
        var url = await s3.PresignAsync(bucket, "photo.txt", HttpVerb.GET);
        using var http = new HttpClient();

        using var injected = new HttpRequestMessage(HttpMethod.Get, url);
        injected.Headers.Add("x-amz-request-payer", "requester");
        var refused = await http.SendAsync(injected);
        var plain = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("<Code>AccessDenied</Code>", await refused.Content.ReadAsStringAsync());
        Assert.Equal("bytes", await plain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_header_signed_put_with_a_copy_source_added_after_signing_is_refused()
    {
        var s3 = await S3User.CreateAsync(cluster);
        var bucket = await NewBucketAsync(s3);
        await s3.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "private/secret.txt", ContentBody = "the signer's secret" });
        using var tampering = new AmazonS3Client(new BasicAWSCredentials(s3.AccessKeyId, s3.SecretAccessKey), new AmazonS3Config
        {
            ServiceURL = cluster.S3Endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            HttpClientFactory = new InjectingClientFactory("x-amz-copy-source", $"/{bucket}/private/secret.txt"),
        });

        var refused = await Fails(() => tampering.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "inbox/upload.txt", ContentBody = "" }));
        var afterRefusal = await Fails(() => s3.Client.GetObjectAsync(bucket, "inbox/upload.txt"));

        Assert.Equal("AccessDenied", refused.ErrorCode);
        Assert.Equal("NoSuchKey", afterRefusal.ErrorCode);
    }

    private static async Task<string> NewBucketAsync(S3User s3)
    {
        var name = "amz-" + Guid.NewGuid().ToString("N")[..12];
        await s3.Client.PutBucketAsync(name);
        return name;
    }

    private static async Task<AmazonS3Exception> Fails(Func<Task> call) => await Assert.ThrowsAnyAsync<AmazonS3Exception>(call);

    /// <summary>Adds a header to every request after the SDK has signed it, as a man in the middle would.</summary>
    private sealed class InjectingClientFactory(string name, string value) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Injector(name, value));

        private sealed class Injector(string name, string value) : DelegatingHandler(new HttpClientHandler())
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                request.Headers.TryAddWithoutValidation(name, value);
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
