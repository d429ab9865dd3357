using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>A fresh user with an S3 access key, and a stock AWS SDK client using it against the gateway's S3 port.</summary>
public sealed record S3User(SignedInUser User, string AccessKeyId, string SecretAccessKey, AmazonS3Client Client)
{
    /// <summary>A five-minute presigned URL for one request on <paramref name="key"/>, over plain HTTP like the test gateway.</summary>
    public Task<string> PresignAsync(string bucket, string key, HttpVerb verb) => Client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
    {
        BucketName = bucket,
        Key = key,
        Verb = verb,
        Expires = DateTime.UtcNow.AddMinutes(5),
        Protocol = Protocol.HTTP,
    });

    public static Task<S3User> CreateAsync(GalleryCluster cluster) => CreateAsync(new ApiClient(cluster), cluster.S3Endpoint);

    public static async Task<S3User> CreateAsync(ApiClient api, Uri s3Endpoint)
    {
        var user = await api.NewUserAsync();
        var key = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/auth/keys", new { name = "sdk" }, user.AccessToken));
        var id = key.GetProperty("accessKeyId").GetString()!;
        var secret = key.GetProperty("secretAccessKey").GetString()!;
        return new S3User(user, id, secret, ClientFor(s3Endpoint, id, secret));
    }

    public static AmazonS3Client ClientFor(GalleryCluster cluster, string accessKeyId, string secret) =>
        ClientFor(cluster.S3Endpoint, accessKeyId, secret);

    public static AmazonS3Client ClientFor(Uri s3Endpoint, string accessKeyId, string secret) =>
        S3Clients.Create(s3Endpoint, new BasicAWSCredentials(accessKeyId, secret));
}
