using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Tests.Imaging;

[Trait("Category", "Unit")]
public sealed class VipsExifTextTests
{
    [Theory]
    [InlineData("2019:05:01 10:00:00 (2019:05:01 10:00:00, ASCII, 20 components, 20 bytes)", "2019:05:01 10:00:00")]
    [InlineData("51/1 30/1 2628/100 (51, 30, 26.28, Rational, 3 components, 24 bytes)", "51/1 30/1 2628/100")]
    [InlineData("0/1 7/1 3900/100 ( 0,  7, 39.00, Rational, 3 components, 24 bytes)", "0/1 7/1 3900/100")]
    [InlineData("Canon EOS (Mk II) (Canon EOS (Mk II), ASCII, 18 components, 18 bytes)", "Canon EOS (Mk II)")]
    [InlineData("NIKON CORPORATION  (NIKON CORPORATION  , ASCII, 20 components, 20 bytes)", "NIKON CORPORATION")]
    [InlineData("6 (Right-top, Short, 1 components, 2 bytes)", "6")]
    [InlineData("N (N, ASCII, 2 components, 2 bytes)", "N")]
    [InlineData("plain value", "plain value")]
    public void Recovers_the_raw_value(string text, string expected)
    {
        Assert.Equal(expected, VipsExifText.RawValue(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" ( , ASCII, 1 components, 1 bytes)")]
    public void Treats_blank_values_as_missing(string text)
    {
        Assert.Null(VipsExifText.RawValue(text));
    }
}
