using Amazon.S3.Model;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.S3;

/// <summary>User metadata outside ASCII goes out RFC 2047-encoded, as S3 sends it, instead of failing the GET.</summary>
public sealed class NonAsciiMetadataTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private const string Text = "Hello World\u00e9";
    private const string Encoded = "=?UTF-8?B?SGVsbG8gV29ybGTDqQ==?=";

    [Fact]
    public async Task A_raw_UTF8_value_is_answered_RFC2047_encoded_on_GET_and_HEAD()
    {
        var (signer, bucket) = await BucketAsync();

        var put = await signer.SendAsync("PUT", $"/{bucket}/note.txt", new Dictionary<string, string> { ["x-amz-meta-x"] = Text }, "hi"u8.ToArray());
        var get = await signer.SendAsync("GET", $"/{bucket}/note.txt");
        var head = await signer.SendAsync("HEAD", $"/{bucket}/note.txt");

        Assert.Equal(200, put.Status);
        Assert.Equal(200, get.Status);
        Assert.Equal(Encoded, get.Header("x-amz-meta-x"));
        Assert.Equal("hi", get.Body);
        Assert.Equal(200, head.Status);
        Assert.Equal(Encoded, head.Header("x-amz-meta-x"));
    }

    [Fact]
    public async Task An_encoded_value_is_stored_as_its_text_and_ASCII_values_stay_as_they_are()
    {
        var user = await S3User.CreateAsync(cluster);
        var bucket = "meta-" + Guid.NewGuid().ToString("N")[..8];
        await user.Client.PutBucketAsync(bucket);
        var request = new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "x" };
        request.Metadata.Add("x-amz-meta-word", "=?utf-8?q?caf=C3=A9?=");
        request.Metadata.Add("x-amz-meta-plain", "just ascii");
        await user.Client.PutObjectAsync(request);

        var signer = new RawS3Signer(cluster.S3Endpoint, user.AccessKeyId, user.SecretAccessKey);
        var head = await signer.SendAsync("HEAD", $"/{bucket}/k");

        Assert.Equal("=?UTF-8?B?Y2Fmw6k=?=", head.Header("x-amz-meta-word"));
        Assert.Equal("just ascii", head.Header("x-amz-meta-plain"));
    }

    private async Task<(RawS3Signer Signer, string Bucket)> BucketAsync()
    {
        var user = await S3User.CreateAsync(cluster);
        var bucket = "meta-" + Guid.NewGuid().ToString("N")[..8];
        await user.Client.PutBucketAsync(bucket);
        return (new RawS3Signer(cluster.S3Endpoint, user.AccessKeyId, user.SecretAccessKey), bucket);
    }
}
