using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Requests;

namespace GalleryOrleans.Tests.S3;

[Trait("Category", "Unit")]
public sealed class ByteRangeTests
{
    [Theory]
    [InlineData("bytes=0-9", 100, 0, 10)]
    [InlineData("bytes=10-", 100, 10, 90)]
    [InlineData("bytes=-10", 100, 90, 10)]
    [InlineData("bytes=-1000", 100, 0, 100)]
    [InlineData("bytes=90-1000", 100, 90, 10)]
    [InlineData("bytes=99-99", 100, 99, 1)]
    [InlineData("BYTES= 5-6 ", 100, 5, 2)]
    public void Parses_satisfiable_ranges(string header, long length, long start, long count)
    {
        var range = ByteRange.Parse(header, length);

        Assert.Equal(new ByteRange(start, count), range);
    }

    [Fact]
    public void Formats_content_range() => Assert.Equal("bytes 90-99/100", new ByteRange(90, 10).ContentRange(100));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("items=0-9")]
    [InlineData("bytes=0-9,20-29")]
    [InlineData("bytes=9-0")]
    [InlineData("bytes=a-b")]
    [InlineData("bytes=-")]
    [InlineData("bytes=5")]
    [InlineData("bytes=+5-6")]
    public void Serves_the_whole_object_for_absent_invalid_or_multiple_ranges(string? header) => Assert.Null(ByteRange.Parse(header, 100));

    [Theory]
    [InlineData("bytes=100-", 100)]
    [InlineData("bytes=100-200", 100)]
    [InlineData("bytes=-0", 100)]
    [InlineData("bytes=0-", 0)]
    [InlineData("bytes=-5", 0)]
    public void Rejects_unsatisfiable_ranges_with_416_and_content_range(string header, long length)
    {
        var error = Assert.Throws<S3Exception>(() => ByteRange.Parse(header, length)).Error;

        Assert.Equal(S3ErrorCodes.InvalidRange, error.Code);
        Assert.Equal(416, error.StatusCode);
        Assert.Equal($"bytes */{length}", error.Headers["Content-Range"]);
    }
}
