using GalleryOrleans.Gateway.S3.Errors;
using Microsoft.AspNetCore.Http;

namespace GalleryOrleans.Tests.S3;

[Trait("Category", "Unit")]
public sealed class S3ErrorCodesTests
{
    [Theory]
    [InlineData(S3ErrorCodes.NoSuchBucket, 404)]
    [InlineData(S3ErrorCodes.NoSuchKey, 404)]
    [InlineData(S3ErrorCodes.NoSuchUpload, 404)]
    [InlineData(S3ErrorCodes.BucketAlreadyExists, 409)]
    [InlineData(S3ErrorCodes.BucketAlreadyOwnedByYou, 409)]
    [InlineData(S3ErrorCodes.BucketNotEmpty, 409)]
    [InlineData(S3ErrorCodes.InvalidBucketName, 400)]
    [InlineData(S3ErrorCodes.BadDigest, 400)]
    [InlineData(S3ErrorCodes.SignatureDoesNotMatch, 403)]
    [InlineData(S3ErrorCodes.AccessDenied, 403)]
    [InlineData(S3ErrorCodes.InvalidAccessKeyId, 403)]
    [InlineData(S3ErrorCodes.InvalidRange, 416)]
    [InlineData(S3ErrorCodes.InvalidPartNumber, 416)]
    [InlineData(S3ErrorCodes.EntityTooSmall, 400)]
    [InlineData(S3ErrorCodes.MalformedXml, 400)]
    [InlineData(S3ErrorCodes.MethodNotAllowed, 405)]
    [InlineData(S3ErrorCodes.NotImplemented, 501)]
    [InlineData(S3ErrorCodes.MissingContentLength, 411)]
    [InlineData(S3ErrorCodes.RequestTimeTooSkewed, 403)]
    [InlineData(S3ErrorCodes.PreconditionFailed, 412)]
    [InlineData(S3ErrorCodes.InternalError, 500)]
    [InlineData("SomethingNew", 500)]
    public void Maps_codes_to_statuses(string code, int status) => Assert.Equal(status, S3ErrorCodes.StatusCodeOf(code));

    [Fact]
    public async Task Writes_an_error_response_with_its_headers()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/photos/a.jpg";
        context.Response.Body = new MemoryStream();
        var error = new S3Error(S3ErrorCodes.InvalidRange, "The requested range is not satisfiable")
        {
            Headers = new Dictionary<string, string> { ["Content-Range"] = "bytes */10" },
        };

        await S3ErrorResponse.WriteAsync(context, error, "req-9", CancellationToken.None);

        Assert.Equal(416, context.Response.StatusCode);
        Assert.Equal("bytes */10", context.Response.Headers.ContentRange.ToString());
        Assert.Equal("application/xml", context.Response.ContentType);
        var body = System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        Assert.Contains("<Code>InvalidRange</Code>", body);
        Assert.Contains("<Resource>/photos/a.jpg</Resource>", body);
    }

    [Fact]
    public async Task Writes_no_body_for_head()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "HEAD";
        context.Response.Body = new MemoryStream();

        await S3ErrorResponse.WriteAsync(context, new S3Error(S3ErrorCodes.NoSuchKey, "none"), "req", CancellationToken.None);

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Equal(0, context.Response.Body.Length);
    }
}
