using System.Net;
using System.Text;
using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Resilience;

/// <summary>Every part of a request is bounded, and a body that breaks off is the client's error, never a 5xx.</summary>
public sealed class UploadBoundsTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private const string Boundary = "bound4ry";
    private readonly ApiClient api = new(cluster);

    [Fact]
    public async Task A_multipart_body_that_ends_early_is_a_400_and_stores_nothing()
    {
        var user = await api.NewUserAsync();
        var photo = SamplePhotos.Bytes("chelsea.jpg");
        var body = Multipart(File(photo)).AsSpan(0, 80 + (photo.Length / 2)).ToArray();

        var response = await PostAsync(user, body);
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/media", token: user.AccessToken));

        Assert.True(400 == response.Status, response.Body);
        Assert.Contains("application/problem+json", response.Header("content-type"));
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_form_field_over_4_KiB_is_refused_with_413_before_the_files_are_kept()
    {
        var user = await api.NewUserAsync();
        var body = Multipart(File(SamplePhotos.Bytes("chelsea.jpg")), Field("albumId", new string('a', 64 * 1024)));

        var response = await PostAsync(user, body);
        var listed = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, "/api/media", token: user.AccessToken));

        Assert.Equal(413, response.Status);
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task More_than_256_parts_are_refused_with_413()
    {
        var user = await api.NewUserAsync();
        var fields = Enumerable.Range(0, 300).Select(i => Field("note" + i, "x")).ToArray();

        var response = await PostAsync(user, Multipart(fields));

        Assert.Equal(413, response.Status);
    }

    [Fact]
    public async Task A_header_over_Kestrels_32_KiB_limit_is_refused_with_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/albums");
        request.Headers.Add("X-Padding", new string('p', 40 * 1024));

        var response = await api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_S3_part_or_PUT_declared_over_5_GiB_is_EntityTooLarge_before_any_byte_is_read()
    {
        var user = await S3User.CreateAsync(cluster);
        var bucket = "big-" + Guid.NewGuid().ToString("N")[..8];
        await user.Client.PutBucketAsync(bucket);
        var upload = await user.Client.InitiateMultipartUploadAsync(bucket, "huge");
        var signer = new RawS3Signer(cluster.S3Endpoint, user.AccessKeyId, user.SecretAccessKey);
        const long declared = (5L * 1024 * 1024 * 1024) + 1;

        var part = await RawHttp.SendAsync(cluster.S3Endpoint, "PUT", $"/{bucket}/huge?partNumber=1&uploadId={upload.UploadId}",
            signer.Sign("PUT", $"/{bucket}/huge?partNumber=1&uploadId={upload.UploadId}", new Dictionary<string, string>()), [], declared);
        var put = await RawHttp.SendAsync(cluster.S3Endpoint, "PUT", $"/{bucket}/single",
            signer.Sign("PUT", $"/{bucket}/single", new Dictionary<string, string>()), [], declared);

        Assert.Equal(400, part.Status);
        Assert.Contains("<Code>EntityTooLarge</Code>", part.Body);
        Assert.Equal(400, put.Status);
        Assert.Contains("<Code>EntityTooLarge</Code>", put.Body);
    }

    private Task<RawResponse> PostAsync(SignedInUser user, byte[] body) =>
        RawHttp.SendAsync(new Uri(api.Http.BaseAddress!, "/"), "POST", "/api/media/upload",
            [new("Authorization", "Bearer " + user.AccessToken), new("Content-Type", $"multipart/form-data; boundary={Boundary}")], body);

    private static byte[] File(byte[] bytes) =>
        [.. Encoding.ASCII.GetBytes("Content-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"), .. bytes];

    private static byte[] Field(string name, string value) =>
        Encoding.ASCII.GetBytes($"Content-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}");

    private static byte[] Multipart(params byte[][] parts)
    {
        var body = new List<byte>();
        foreach (var part in parts)
        {
            body.AddRange(Encoding.ASCII.GetBytes($"--{Boundary}\r\n"));
            body.AddRange(part);
            body.AddRange("\r\n"u8.ToArray());
        }
        body.AddRange(Encoding.ASCII.GetBytes($"--{Boundary}--\r\n"));
        return [.. body];
    }
}
