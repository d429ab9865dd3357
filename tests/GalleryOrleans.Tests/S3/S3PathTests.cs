using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Requests;

namespace GalleryOrleans.Tests.S3;

[Trait("Category", "Unit")]
public sealed class S3PathTests
{
    private static S3Path Parse(string rawTarget) => S3Path.Parse(TestRequests.Create("GET", rawTarget, new Dictionary<string, string>()));

    [Theory]
    [InlineData("/", null, null)]
    [InlineData("/photos", "photos", null)]
    [InlineData("/photos/", "photos", null)]
    [InlineData("/photos?list-type=2&prefix=a", "photos", null)]
    [InlineData("/photos/a.jpg?uploadId=1", "photos", "a.jpg")]
    [InlineData("/photos/dir%2Fwith%20space/%C3%BC+plus%3D", "photos", "dir/with space/ü+plus=")]
    [InlineData("/photos//double/./dots/../x", "photos", "/double/./dots/../x")]
    [InlineData("http://gateway:9000/photos/k", "photos", "k")]
    [InlineData("http://gateway:9000?x=1", null, null)]
    public void Splits_bucket_and_key_from_the_raw_target(string rawTarget, string? bucket, string? key) =>
        Assert.Equal(new S3Path(bucket, key), Parse(rawTarget));

    [Fact]
    public void Rejects_keys_that_are_not_utf8()
    {
        var error = Assert.Throws<S3Exception>(() => Parse("/photos/%FF%FE"));
        Assert.Equal(S3ErrorCodes.InvalidUri, error.Error.Code);
    }
}
