using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Payload;
using GalleryOrleans.Gateway.S3.SigV4;
using Microsoft.AspNetCore.Http;

namespace GalleryOrleans.Tests.S3;

[Trait("Category", "Unit")]
public sealed class PresignedUrlTests
{
    private static Task<SigV4Result> Verify(HttpRequest request, DateTimeOffset now) =>
        new SigV4Verifier(new FixedClock(now)).VerifyAsync(request, AwsDocExamples.FindCredential, CancellationToken.None);

    private static async Task AssertRejected(HttpRequest request, string code, string? message = null, DateTimeOffset? now = null)
    {
        var error = Assert.IsType<SigV4Failure>(await Verify(request, now ?? AwsDocExamples.Time.AddHours(1))).Error;
        Assert.Equal(code, error.Code);
        if (message is not null)
        {
            Assert.Equal(message, error.Message);
        }
    }

    [Fact]
    public async Task Accepts_the_documented_presigned_url()
    {
        var success = Assert.IsType<SigV4Success>(await Verify(AwsDocExamples.Presigned(), AwsDocExamples.Time.AddHours(23)));

        Assert.True(success.IsPresigned);
        Assert.Equal(PayloadMode.Unsigned, success.PayloadMode);
        Assert.Equal("UNSIGNED-PAYLOAD", success.ContentSha256);
    }

    [Fact]
    public Task Rejects_it_once_expired() =>
        AssertRejected(AwsDocExamples.Presigned(), S3ErrorCodes.AccessDenied, "Request has expired", AwsDocExamples.Time.AddSeconds(86401));

    [Fact]
    public Task Rejects_it_before_its_time() =>
        AssertRejected(AwsDocExamples.Presigned(), S3ErrorCodes.AccessDenied, "Request is not valid yet", AwsDocExamples.Time.AddMinutes(-16));

    [Theory]
    [InlineData("X-Amz-Expires=86400", "X-Amz-Expires=86401")]
    [InlineData("/test.txt?", "/test.txu?")]
    [InlineData("X-Amz-SignedHeaders=host", "X-Amz-SignedHeaders=host&response-content-type=text%2Fhtml")]
    [InlineData("f604d404", "f604d405")]
    public Task Rejects_a_changed_url(string original, string changed) =>
        AssertRejected(AwsDocExamples.Presigned(AwsDocExamples.PresignedTarget.Replace(original, changed)), S3ErrorCodes.SignatureDoesNotMatch);

    [Fact]
    public Task Rejects_a_changed_host()
    {
        var request = TestRequests.Create("GET", AwsDocExamples.PresignedTarget, new Dictionary<string, string> { ["Host"] = "otherbucket.s3.amazonaws.com" });
        return AssertRejected(request, S3ErrorCodes.SignatureDoesNotMatch);
    }

    [Theory]
    [InlineData("X-Amz-Expires=86400", "X-Amz-Expires=604801")]
    [InlineData("X-Amz-Expires=86400", "X-Amz-Expires=1e3")]
    [InlineData("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Algorithm=AWS4-HMAC-SHA1")]
    [InlineData("&X-Amz-Date=20130524T000000Z", "")]
    [InlineData("X-Amz-Date=20130524T000000Z", "X-Amz-Date=2013-05-24")]
    [InlineData("%2F20130524%2F", "%2F20130525%2F")]
    public Task Rejects_malformed_parameters(string original, string changed) =>
        AssertRejected(AwsDocExamples.Presigned(AwsDocExamples.PresignedTarget.Replace(original, changed)), S3ErrorCodes.AuthorizationQueryParametersError);

    [Fact]
    public Task Rejects_both_a_presigned_url_and_an_authorization_header()
    {
        var headers = AwsDocExamples.GetObjectHeaders();
        return AssertRejected(TestRequests.Create("GET", AwsDocExamples.PresignedTarget, headers), S3ErrorCodes.InvalidArgument);
    }

    [Fact]
    public async Task Rejects_the_wrong_secret()
    {
        var result = await new SigV4Verifier(new FixedClock(AwsDocExamples.Time)).VerifyAsync(AwsDocExamples.Presigned(),
            (id, _) => Task.FromResult<S3Credential?>(new S3Credential(id, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEZ", Guid.Empty)),
            CancellationToken.None);

        Assert.Equal(S3ErrorCodes.SignatureDoesNotMatch, Assert.IsType<SigV4Failure>(result).Error.Code);
    }
}
