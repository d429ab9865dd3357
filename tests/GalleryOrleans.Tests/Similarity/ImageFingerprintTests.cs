using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Tests.Similarity;

[Trait("Category", "Unit")]
public class ImageFingerprintTests
{
    private static readonly ImageFingerprint Sample = new(0x0123456789abcdef, 0xfedcba9876543210, 0x8000000000000001);

    [Fact]
    public void BytesRoundTrip()
    {
        var bytes = Sample.ToBytes();

        Assert.Equal(ImageFingerprint.SerializedLength, bytes.Length);
        Assert.Equal(ImageFingerprint.CurrentVersion, bytes[0]);
        Assert.Equal(Sample, ImageFingerprint.FromBytes(bytes));
    }

    [Fact]
    public void RejectsUnknownVersion()
    {
        var bytes = Sample.ToBytes();
        bytes[0] = ImageFingerprint.CurrentVersion + 1;

        Assert.Throws<FormatException>(() => ImageFingerprint.FromBytes(bytes));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ImageFingerprint.SerializedLength - 1)]
    [InlineData(ImageFingerprint.SerializedLength + 1)]
    public void RejectsWrongLength(int length)
    {
        var bytes = new byte[length];
        Sample.ToBytes().AsSpan(0, Math.Min(length, ImageFingerprint.SerializedLength)).CopyTo(bytes);

        Assert.Throws<FormatException>(() => ImageFingerprint.FromBytes(bytes));
    }
}
