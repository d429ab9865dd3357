using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Tests.Imaging;

[Trait("Category", "Unit")]
public sealed class ExifGpsTests
{
    [Theory]
    [InlineData("51/1 30/1 2628/100", "N", 51.507300)]
    [InlineData("33/1 51/1 3108/100", "S", -33.858633)]
    [InlineData("40/1 2646/100 0/1", "N", 40.441000)]
    [InlineData("12/1", null, 12.0)]
    [InlineData("51 30 26.28", "n", 51.507300)]
    public void Converts_latitude(string degreesMinutesSeconds, string? reference, double expected)
    {
        Assert.Equal(expected, ExifGps.Latitude(degreesMinutesSeconds, reference)!.Value, 6);
    }

    [Theory]
    [InlineData("0/1 7/1 3900/100", "W", -0.1275)]
    [InlineData("151/1 12/1 3240/100", "E", 151.209)]
    public void Converts_longitude(string degreesMinutesSeconds, string reference, double expected)
    {
        Assert.Equal(expected, ExifGps.Longitude(degreesMinutesSeconds, reference)!.Value, 6);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("51/0 30/1 0/1")]
    [InlineData("91/1 0/1 0/1")]
    [InlineData("-5/1 0/1 0/1")]
    [InlineData("1/1 2/1 3/1 4/1")]
    [InlineData("north")]
    public void Treats_invalid_coordinates_as_unknown(string? degreesMinutesSeconds)
    {
        Assert.Null(ExifGps.Latitude(degreesMinutesSeconds, "N"));
    }
}
