using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace GalleryOrleans.Tests.S3;

[Trait("Category", "Unit")]
public sealed class ListObjectsQueryTests
{
    private static ListObjectsQuery Parse(string query) => ListObjectsQuery.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)));

    [Fact]
    public void Defaults_to_v1_with_1000_keys()
    {
        var query = Parse("");

        Assert.False(query.IsV2);
        Assert.Equal("", query.Prefix);
        Assert.Null(query.Delimiter);
        Assert.Equal(1000, query.MaxKeys);
        Assert.False(query.UrlEncoded);
        Assert.Null(query.After);
    }

    [Fact]
    public void Parses_v1_marker()
    {
        var query = Parse("?prefix=a%20b%2B&delimiter=%2F&marker=a%20b%2Bc&max-keys=0&encoding-type=url");

        Assert.Equal("a b+", query.Prefix);
        Assert.Equal("/", query.Delimiter);
        Assert.Equal(0, query.MaxKeys);
        Assert.True(query.UrlEncoded);
        Assert.Equal("a b+c", query.Marker);
        Assert.Equal("a b+c", query.After);
    }

    [Fact]
    public void V2_resumes_from_the_continuation_token_over_start_after()
    {
        var token = ListObjectsQuery.EncodeContinuationToken("ünï/key +=.jpg");
        var query = Parse($"?list-type=2&start-after=a&continuation-token={token}&marker=ignored");

        Assert.True(query.IsV2);
        Assert.Equal("a", query.StartAfter);
        Assert.Equal(token, query.ContinuationToken);
        Assert.Equal("ünï/key +=.jpg", query.After);
        Assert.Null(query.Marker);
    }

    [Fact]
    public void V2_resumes_from_start_after_without_token() => Assert.Equal("b", Parse("?list-type=2&start-after=b").After);

    [Fact]
    public void Clamps_max_keys_to_1000() => Assert.Equal(1000, Parse("?max-keys=5000").MaxKeys);

    [Theory]
    [InlineData("?max-keys=-1")]
    [InlineData("?max-keys=ten")]
    [InlineData("?max-keys=99999999999")]
    [InlineData("?max-keys=1&max-keys=2")]
    [InlineData("?encoding-type=base64")]
    [InlineData("?list-type=3")]
    [InlineData("?list-type=2&continuation-token=%21%21%21")]
    [InlineData("?list-type=2&continuation-token=__8")]
    public void Rejects_bad_values(string query)
    {
        var error = Assert.Throws<S3Exception>(() => Parse(query));
        Assert.Equal(S3ErrorCodes.InvalidArgument, error.Error.Code);
    }
}
