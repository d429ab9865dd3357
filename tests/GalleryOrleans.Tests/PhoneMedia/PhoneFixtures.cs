using System.Buffers.Binary;
using GalleryOrleans.Tests.Imaging;
using NetVips;

namespace GalleryOrleans.Tests.PhoneMedia;

/// <summary>
/// What an iPhone uploads, made in the test with Debian's tools: HEIC photos (heif-enc, x265) and HEVC QuickTime
/// videos (ffmpeg, libx265), with the capture time, position and rotation a phone records, plus an H.264 MP4.
/// </summary>
internal static class PhoneFixtures
{
    public const string TakenAtUtc = "2023-06-10T12:22:33Z";
    public const double Latitude = 48.8584;
    public const double Longitude = 2.2945;

    /// <summary>
    /// A 640x480 landscape frame with a bright left half, stored as the camera saw it and turned 90 degrees
    /// clockwise for display by an irot property, with EXIF orientation 6 as well, as an iPhone writes both:
    /// shown upright it is 480x640 with the bright half on top.
    /// </summary>
    public static async Task<byte[]> UprightHeicAsync(TempFolder folder)
    {
        var jpeg = folder.File("upright.jpg");
        using (var canvas = BrightLeftHalf(640, 480))
        using (var tagged = TestImages.WithExif(canvas, 6,
            ("exif-ifd0-Make", "Apple"),
            ("exif-ifd0-Model", "iPhone 15 Pro"),
            ("exif-ifd2-DateTimeOriginal", "2023:06:10 14:22:33"),
            ("exif-ifd2-OffsetTimeOriginal", "+02:00"),
            ("exif-ifd3-GPSLatitude", "48/1 51/1 3024/100"),
            ("exif-ifd3-GPSLatitudeRef", "N"),
            ("exif-ifd3-GPSLongitude", "2/1 17/1 4020/100"),
            ("exif-ifd3-GPSLongitudeRef", "E")))
        {
            tagged.Jpegsave(jpeg, q: 90);
        }
        return HeifRotation.Add(await HeicOfAsync(folder, jpeg), quarterTurns: 3);
    }

    /// <summary>Two top-level images, 640x480 (the primary) and 320x200, in one HEIF file.</summary>
    public static async Task<byte[]> BurstHeicAsync(TempFolder folder)
    {
        var first = folder.File("first.png");
        var second = folder.File("second.png");
        using (var primary = BrightLeftHalf(640, 480))
        using (var other = BrightLeftHalf(320, 200))
        {
            primary.Pngsave(first);
            other.Pngsave(second);
        }
        return await HeicOfAsync(folder, first, second);
    }

    /// <summary>2 s of 320x240 HEVC with AAC sound in QuickTime, recorded rotated: shown upright it is 240x320.</summary>
    public static async Task<byte[]> HevcMovAsync(TempFolder folder) => RotateQuarterTurn(await VideoAsync(folder, "clip.mov",
        "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-tag:v", "hvc1", "-c:a", "aac"));

    /// <summary>2 s of 320x240 H.264 with AAC sound in MP4, as browsers play it.</summary>
    public static Task<byte[]> H264Mp4Async(TempFolder folder) => VideoAsync(folder, "clip.mp4",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart");

    /// <summary>
    /// 10 s of 1080p H.264 in QuickTime, which browsers are not trusted to play: its rendition takes ffmpeg seconds
    /// of work, long enough to crash a silo in the middle of it or to run out of a short time limit.
    /// </summary>
    public static async Task<byte[]> LongQuickTimeAsync(TempFolder folder)
    {
        var path = folder.File(Guid.NewGuid().ToString("N") + ".mov");
        await ExternalCommand.RunAsync("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30:duration=10",
            "-c:v", "libx264", "-preset", "ultrafast", "-crf", "35", "-pix_fmt", "yuv420p", "-y", path]);
        return File.ReadAllBytes(path);
    }

    /// <summary>2 s of 320x240 VP9 with Opus sound in WebM, as browsers play it.</summary>
    public static Task<byte[]> Vp9WebmAsync(TempFolder folder) => VideoAsync(folder, "clip.webm",
        "-c:v", "libvpx-vp9", "-deadline", "realtime", "-c:a", "libopus");

    /// <summary>ffprobe's JSON about a video's first video stream.</summary>
    public static async Task<System.Text.Json.JsonElement> ProbeVideoAsync(string path) =>
        System.Text.Json.JsonDocument.Parse(await ExternalCommand.RunAsync("ffprobe", ["-v", "error", "-print_format", "json", "-show_streams",
            "-select_streams", "v:0", path])).RootElement.GetProperty("streams")[0];

    private static Image BrightLeftHalf(int width, int height) =>
        Image.Black(width, height, bands: 3).Cast(Enums.BandFormat.Uchar)
            .Mutate(mutable => mutable.DrawRect([255, 255, 255], 0, 0, width / 2, height, fill: true));

    private static async Task<byte[]> HeicOfAsync(TempFolder folder, params string[] sources)
    {
        var heic = folder.File(Guid.NewGuid().ToString("N") + ".heic");
        await ExternalCommand.RunAsync("heif-enc", ["-q", "70", "-o", heic, .. sources]);
        return File.ReadAllBytes(heic);
    }

    private static async Task<byte[]> VideoAsync(TempFolder folder, string name, params string[] encoding)
    {
        var path = folder.File(name);
        await ExternalCommand.RunAsync("ffmpeg",
        [
            "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2", "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
            .. encoding, "-metadata", "creation_time=" + TakenAtUtc, "-metadata", "location=+48.8584+002.2945/", "-y", path,
        ]);
        return File.ReadAllBytes(path);
    }

    // Debian's ffmpeg 5.1 cannot write a display rotation, so the first track header's matrix (the video's) is set
    // to a quarter turn clockwise, as a phone held upright records it.
    private static byte[] RotateQuarterTurn(byte[] mov)
    {
        var tkhd = mov.AsSpan().IndexOf("tkhd"u8) - 4;
        Assert.Equal(0, mov[tkhd + 8]);
        var matrix = mov.AsSpan(tkhd + 48, 36);
        int[] quarterTurn = [0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000];
        for (var i = 0; i < quarterTurn.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(matrix[(i * 4)..], quarterTurn[i]);
        }
        return mov;
    }
}
