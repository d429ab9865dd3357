using System.Buffers.Binary;
using GalleryOrleans.Imaging.Video;
using GalleryOrleans.Tests.PhoneMedia;

namespace GalleryOrleans.Tests.Imaging;

/// <summary>
/// Samsung's SEF trailer is a stranger's bytes: a well-formed one gives exactly its video's place, and one whose
/// sizes or offsets lie, or that names another field, gives none (and never a read outside the file).
/// </summary>
[Trait("Category", "Unit")]
public sealed class EmbeddedMotionVideoTests : IDisposable
{
    // The smallest thing EmbeddedMotionVideo takes for an MP4: a box header naming ftyp.
    private static readonly byte[] Video = [0, 0, 0, 16, .. "ftypisom"u8, 0, 0, 2, 0, .. "moov"u8];

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_samsung_trailer_gives_the_video_between_its_field_header_and_its_directory()
    {
        var photo = LivePhotoFixtures.SamsungMotionPhoto(Video);
        var videoStart = photo.AsSpan().IndexOf("ftypisom"u8) - 4;

        Assert.Equal<(long, long)?>((videoStart, Video.Length), EmbeddedMotionVideo.Find(Write(photo)));
    }

    [Theory]
    [InlineData(8, 4_000_000)] // the directory's size: larger than the file
    [InlineData(8, 7)] // the directory's size: too small for one entry
    [InlineData(16, 1_000_000)] // the field's distance back from the directory: before the file's start
    [InlineData(12, 2)] // the field's size: too small for its own header
    public void A_trailer_whose_numbers_lie_gives_no_video(int bytesFromEnd, int value)
    {
        var photo = LivePhotoFixtures.SamsungMotionPhoto(Video);
        BinaryPrimitives.WriteUInt32LittleEndian(photo.AsSpan(photo.Length - bytesFromEnd), (uint)value);

        Assert.Null(EmbeddedMotionVideo.Find(Write(photo)));
    }

    [Fact]
    public void A_trailer_naming_another_field_gives_no_video()
    {
        var photo = LivePhotoFixtures.SamsungMotionPhoto(Video);
        var name = photo.AsSpan().IndexOf("MotionPhoto_Data"u8);
        "DepthPhoto_Data_"u8.CopyTo(photo.AsSpan(name));

        Assert.Null(EmbeddedMotionVideo.Find(Write(photo)));
    }

    private string Write(byte[] bytes)
    {
        var path = folder.File(Guid.NewGuid().ToString("N") + ".jpg");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
