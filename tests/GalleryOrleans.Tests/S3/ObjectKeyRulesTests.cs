using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Requests;

namespace GalleryOrleans.Tests.S3;

[Trait("Category", "Unit")]
public sealed class ObjectKeyRulesTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("2024/trip/IMG_0001.JPG")]
    [InlineData("with spaces and +=&?#%.jpg")]
    [InlineData("ünïcödé/日本語/😀.png")]
    [InlineData("../not/a/path/traversal")]
    [InlineData("/leading//double/")]
    public void Accepts_valid_keys(string key) => ObjectKeyRules.Validate(key);

    [Fact]
    public void Accepts_exactly_1024_utf8_bytes() => ObjectKeyRules.Validate(new string('é', 512));

    [Fact]
    public void Rejects_more_than_1024_utf8_bytes()
    {
        var error = Assert.Throws<S3Exception>(() => ObjectKeyRules.Validate(new string('é', 512) + "a"));
        Assert.Equal(S3ErrorCodes.KeyTooLongError, error.Error.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nul\0byte")]
    [InlineData("tab\tcharacter")]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    [InlineData("escape\u001b[31m")]
    [InlineData("delete\u007f")]
    [InlineData("not-a-char\uFFFF")]
    public void Rejects_invalid_keys(string key)
    {
        var error = Assert.Throws<S3Exception>(() => ObjectKeyRules.Validate(key));
        Assert.Equal(S3ErrorCodes.InvalidArgument, error.Error.Code);
    }

    [Theory]
    [InlineData('\uD800')]
    [InlineData('\uDC00')]
    public void Rejects_lone_surrogates(char surrogate)
    {
        // Built at run time: attribute strings are stored as UTF-8, which cannot hold a lone surrogate.
        var error = Assert.Throws<S3Exception>(() => ObjectKeyRules.Validate("lone" + surrogate + "surrogate"));
        Assert.Equal(S3ErrorCodes.InvalidArgument, error.Error.Code);
    }
}
