using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Payload;
using GalleryOrleans.Gateway.S3.SigV4;
using Microsoft.AspNetCore.Http;

namespace GalleryOrleans.Tests.S3;

[Trait("Category", "Unit")]
public sealed class SigV4VerifierTests
{
    private static readonly SigV4Verifier Verifier = new(new FixedClock(AwsDocExamples.Time));

    private static Task<SigV4Result> Verify(HttpRequest request, SigV4Verifier? verifier = null) =>
        (verifier ?? Verifier).VerifyAsync(request, AwsDocExamples.FindCredential, CancellationToken.None);

    private static async Task<SigV4Success> AssertAccepted(HttpRequest request, SigV4Verifier? verifier = null)
    {
        var result = await Verify(request, verifier);
        return Assert.IsType<SigV4Success>(result);
    }

    private static async Task AssertRejected(HttpRequest request, string code, SigV4Verifier? verifier = null)
    {
        var result = await Verify(request, verifier);
        Assert.Equal(code, Assert.IsType<SigV4Failure>(result).Error.Code);
    }

    private static HttpRequest GetObjectWith(Action<Dictionary<string, string>> change, string method = "GET", string rawTarget = "/test.txt")
    {
        var headers = AwsDocExamples.GetObjectHeaders();
        change(headers);
        return TestRequests.Create(method, rawTarget, headers);
    }

    [Fact]
    public async Task Accepts_the_documented_GET_object_example()
    {
        var success = await AssertAccepted(AwsDocExamples.GetObject());

        Assert.Equal(AwsDocExamples.ExampleCredential, success.Credential);
        Assert.Equal(PayloadMode.Sha256, success.PayloadMode);
        Assert.False(success.IsPresigned);
        Assert.Equal("20130524/us-east-1/s3/aws4_request", success.Signing.Scope);
        Assert.Equal("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", success.Signing.SeedSignature);
    }

    [Fact]
    public Task Accepts_the_documented_PUT_object_example_with_a_dollar_in_the_key_sent_encoded() =>
        AssertAccepted(AwsDocExamples.PutObject("/test%24file.text"));

    [Fact]
    public Task Accepts_the_documented_PUT_object_example_with_the_dollar_sent_literally() =>
        AssertAccepted(AwsDocExamples.PutObject("/test$file.text"));

    [Fact]
    public Task Accepts_the_documented_GET_bucket_lifecycle_example() => AssertAccepted(AwsDocExamples.GetBucketLifecycle());

    [Fact]
    public Task Accepts_the_documented_list_objects_example() => AssertAccepted(AwsDocExamples.ListObjects());

    [Fact]
    public Task Accepts_query_parameters_in_any_order() => AssertAccepted(AwsDocExamples.ListObjects("/?prefix=J&max-keys=2"));

    [Fact]
    public Task Accepts_header_values_with_extra_whitespace() =>
        AssertAccepted(GetObjectWith(headers => headers["Range"] = "  bytes=0-9  "));

    [Fact]
    public Task Accepts_extra_headers_that_are_not_amz_headers() =>
        AssertAccepted(GetObjectWith(headers => headers["User-Agent"] = "aws-cli/2"));

    [Fact]
    public Task Rejects_a_changed_method() => AssertRejected(GetObjectWith(_ => { }, method: "PUT"), S3ErrorCodes.SignatureDoesNotMatch);

    [Fact]
    public Task Rejects_a_changed_path() => AssertRejected(GetObjectWith(_ => { }, rawTarget: "/test.txu"), S3ErrorCodes.SignatureDoesNotMatch);

    [Fact]
    public Task Rejects_an_added_query_parameter() =>
        AssertRejected(GetObjectWith(_ => { }, rawTarget: "/test.txt?acl"), S3ErrorCodes.SignatureDoesNotMatch);

    [Theory]
    [InlineData("/?max-keys=3&prefix=J")]
    [InlineData("/?max-keys=2&prefix=K")]
    [InlineData("/?max-keys=2&prefix=J&a=")]
    public Task Rejects_a_changed_query(string rawTarget) => AssertRejected(AwsDocExamples.ListObjects(rawTarget), S3ErrorCodes.SignatureDoesNotMatch);

    [Theory]
    [InlineData("Range", "bytes=0-8")]
    [InlineData("Host", "examplebucket.s3.amazonaws.co")]
    [InlineData("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b856")]
    [InlineData("x-amz-date", "20130524T000001Z")]
    public Task Rejects_a_changed_signed_header(string name, string value) =>
        AssertRejected(GetObjectWith(headers => headers[name] = value), S3ErrorCodes.SignatureDoesNotMatch);

    [Fact]
    public Task Rejects_a_changed_signature() =>
        AssertRejected(GetObjectWith(headers => headers["Authorization"] = headers["Authorization"][..^1] + "2"), S3ErrorCodes.SignatureDoesNotMatch);

    [Fact]
    public async Task Rejects_the_wrong_secret()
    {
        var result = await Verifier.VerifyAsync(AwsDocExamples.GetObject(),
            (id, _) => Task.FromResult<S3Credential?>(new S3Credential(id, AwsDocExamples.SecretKey[..^1] + "Z", Guid.NewGuid())),
            CancellationToken.None);

        Assert.Equal(S3ErrorCodes.SignatureDoesNotMatch, Assert.IsType<SigV4Failure>(result).Error.Code);
    }

    [Fact]
    public async Task Rejects_an_unknown_access_key()
    {
        var result = await Verifier.VerifyAsync(AwsDocExamples.GetObject(), (_, _) => Task.FromResult<S3Credential?>(null), CancellationToken.None);

        Assert.Equal(S3ErrorCodes.InvalidAccessKeyId, Assert.IsType<SigV4Failure>(result).Error.Code);
    }

    [Fact]
    public Task Rejects_an_unsigned_amz_header() =>
        AssertRejected(GetObjectWith(headers => headers["x-amz-copy-source"] = "/other/key"), S3ErrorCodes.AccessDenied);

    [Fact]
    public Task Accepts_a_request_time_within_15_minutes() =>
        AssertAccepted(AwsDocExamples.GetObject(), new SigV4Verifier(new FixedClock(AwsDocExamples.Time.AddMinutes(14))));

    [Theory]
    [InlineData(16)]
    [InlineData(-16)]
    public Task Rejects_a_request_time_more_than_15_minutes_off(int minutes) =>
        AssertRejected(AwsDocExamples.GetObject(), S3ErrorCodes.RequestTimeTooSkewed,
            new SigV4Verifier(new FixedClock(AwsDocExamples.Time.AddMinutes(minutes))));

    [Fact]
    public Task Rejects_an_anonymous_request() =>
        AssertRejected(TestRequests.Create("GET", "/test.txt", new Dictionary<string, string> { ["Host"] = "h" }), S3ErrorCodes.AccessDenied);

    [Fact]
    public Task Rejects_a_missing_content_sha256_header() =>
        AssertRejected(GetObjectWith(headers => headers.Remove("x-amz-content-sha256")), S3ErrorCodes.MissingSecurityHeader);

    [Fact]
    public Task Rejects_an_unknown_content_sha256_value() =>
        AssertRejected(GetObjectWith(headers => headers["x-amz-content-sha256"] = "NOT-A-HASH"), S3ErrorCodes.InvalidArgument);

    [Fact]
    public Task Rejects_signature_version_2() =>
        AssertRejected(GetObjectWith(headers => headers["Authorization"] = "AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg="),
            S3ErrorCodes.InvalidRequest);

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3,SignedHeaders=host,Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130525/us-east-1/s3/aws4_request,SignedHeaders=host,Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/iam/aws4_request,SignedHeaders=host,Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=range,Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=Host,Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host,Signature=00,Extra=1")]
    public Task Rejects_a_malformed_authorization_header(string authorization) =>
        AssertRejected(GetObjectWith(headers => headers["Authorization"] = authorization), S3ErrorCodes.AuthorizationHeaderMalformed);

    [Fact]
    public Task Rejects_a_missing_request_time() =>
        AssertRejected(GetObjectWith(headers => headers.Remove("x-amz-date")), S3ErrorCodes.AccessDenied);

    [Fact]
    public void Credentials_do_not_print_their_secret()
    {
        var printed = AwsDocExamples.ExampleCredential.ToString();

        Assert.Contains(AwsDocExamples.AccessKeyId, printed);
        Assert.DoesNotContain(AwsDocExamples.SecretKey, printed);
    }
}
