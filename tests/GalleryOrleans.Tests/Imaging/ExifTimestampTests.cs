using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Tests.Imaging;

[Trait("Category", "Unit")]
public sealed class ExifTimestampTests
{
    [Theory]
    [InlineData("2019:05:01 10:00:00", null, "2019-05-01T10:00:00+00:00")]
    [InlineData("2019:05:01 10:00:00", "+02:00", "2019-05-01T10:00:00+02:00")]
    [InlineData("2019:05:01 10:00:00", "-05:30", "2019-05-01T10:00:00-05:30")]
    [InlineData("2019:05:01 10:00:00\0", "   ", "2019-05-01T10:00:00+00:00")]
    [InlineData("2019-05-01 10:00:00", null, "2019-05-01T10:00:00+00:00")]
    [InlineData("2019-05-01T10:00:00", null, "2019-05-01T10:00:00+00:00")]
    [InlineData("2019:05:01 10:00:00", "+15:00", "2019-05-01T10:00:00+00:00")]
    [InlineData("2019:05:01 10:00:00", "+02:75", "2019-05-01T10:00:00+00:00")]
    public void Parses_date_time_with_optional_offset(string dateTime, string? offset, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), ExifTimestamp.Parse(dateTime, offset));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0000:00:00 00:00:00")]
    [InlineData("    :  :     :  :  ")]
    [InlineData("2019:13:01 10:00:00")]
    [InlineData("2019:05:01")]
    public void Treats_placeholders_as_unknown(string? dateTime)
    {
        Assert.Null(ExifTimestamp.Parse(dateTime, "+02:00"));
    }
}
