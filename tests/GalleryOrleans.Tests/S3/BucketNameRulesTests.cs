using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Requests;

namespace GalleryOrleans.Tests.S3;

[Trait("Category", "Unit")]
public sealed class BucketNameRulesTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("photos-2024")]
    [InlineData("my.family.photos")]
    [InlineData("1st-bucket")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    [InlineData("192.168.5")]
    [InlineData("999.1.1.1x")]
    public void Accepts_valid_names(string name) => BucketNameRules.Validate(name);

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("Photos")]
    [InlineData("my_photos")]
    [InlineData("my photos")]
    [InlineData("-photos")]
    [InlineData("photos-")]
    [InlineData(".photos")]
    [InlineData("photos.")]
    [InlineData("my..photos")]
    [InlineData("my.-photos")]
    [InlineData("my-.photos")]
    [InlineData("192.168.5.4")]
    [InlineData("xn--photos")]
    [InlineData("sthree-photos")]
    [InlineData("amzn-s3-demo-photos")]
    [InlineData("photos-s3alias")]
    [InlineData("photos--ol-s3")]
    [InlineData("photos.mrap")]
    [InlineData("photos--x-s3")]
    [InlineData("photos--table-s3")]
    [InlineData("fotos-é")]
    public void Rejects_invalid_names(string name)
    {
        var error = Assert.Throws<S3Exception>(() => BucketNameRules.Validate(name));
        Assert.Equal(S3ErrorCodes.InvalidBucketName, error.Error.Code);
        Assert.Equal(400, error.Error.StatusCode);
    }
}
