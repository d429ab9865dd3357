using System.Buffers.Binary;
using System.Text;
using GalleryOrleans.Tests.Imaging;
using NetVips;

namespace GalleryOrleans.Tests.PhoneMedia;

/// <summary>
/// An iPhone Live Photo's two files, made in the test: the still (JPEG, or HEIC by heif-enc) whose EXIF holds
/// Apple's MakerNote with the content identifier (tag 0x11), and the motion part, a QuickTime file (ffmpeg) whose
/// metadata key com.apple.quicktime.content.identifier holds the same identifier.
/// </summary>
internal static class LivePhotoFixtures
{
    public static string NewIdentifier() => Guid.NewGuid().ToString().ToUpperInvariant();

    public static async Task<byte[]> StillHeicAsync(TempFolder folder, string identifier)
    {
        var jpeg = folder.File(Guid.NewGuid().ToString("N") + ".jpg");
        await File.WriteAllBytesAsync(jpeg, StillJpeg(identifier));
        var heic = Path.ChangeExtension(jpeg, ".heic");
        await ExternalCommand.RunAsync("heif-enc", ["-q", "70", "-o", heic, jpeg]);
        return await File.ReadAllBytesAsync(heic);
    }

    /// <summary>A 320x240 grey picture with Apple's EXIF (Make, then the MakerNote) in an APP1 segment.</summary>
    public static byte[] StillJpeg(string identifier) =>
        JpegApp1.Insert(GreyJpeg(), [.. Encoding.ASCII.GetBytes("Exif\0\0"), .. AppleTiff(identifier)]);

    /// <summary>
    /// A Google motion photo: a JPEG whose XMP says an MP4 of <paramref name="video"/>'s length ends the file, followed
    /// by that MP4.
    /// </summary>
    public static byte[] GoogleMotionPhoto(byte[] video)
    {
        var xmp = $"""
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:GCamera="http://ns.google.com/photos/1.0/camera/"
              GCamera:MotionPhoto="1" GCamera:MotionPhotoVersion="1" GCamera:MicroVideoOffset="{video.Length}"/>
            </rdf:RDF></x:xmpmeta>
            """;
        return [.. JpegApp1.WithXmp(GreyJpeg(), xmp), .. video];
    }

    /// <summary>
    /// A Samsung motion photo: a JPEG followed by its SEF trailer, which holds one field, "MotionPhoto_Data" with
    /// <paramref name="video"/>, and the directory naming it (version 106, as Galaxy phones write).
    /// </summary>
    public static byte[] SamsungMotionPhoto(byte[] video)
    {
        var name = Encoding.ASCII.GetBytes("MotionPhoto_Data");
        byte[] field = [0, 0, 0x30, 0x0A, .. LittleEndian((uint)name.Length), .. name, .. video];
        byte[] directory = [.. "SEFH"u8, .. LittleEndian(106), .. LittleEndian(1), 0, 0, 0x30, 0x0A, .. LittleEndian((uint)field.Length), .. LittleEndian((uint)field.Length)];
        return [.. GreyJpeg(), .. field, .. directory, .. LittleEndian((uint)directory.Length), .. "SEFT"u8];
    }

    private static byte[] LittleEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] GreyJpeg()
    {
        using var grey = Image.Black(320, 240, bands: 3) + 128;
        using var canvas = grey.Cast(Enums.BandFormat.Uchar);
        return canvas.JpegsaveBuffer(q: 90);
    }

    /// <summary>1 s of 320x240 video with sound in QuickTime: HEVC as an iPhone records it, or H.264 ("Most Compatible").</summary>
    public static async Task<byte[]> MotionMovAsync(TempFolder folder, string identifier, bool hevc = true)
    {
        var path = folder.File(Guid.NewGuid().ToString("N") + ".mov");
        string[] codec = hevc
            ? ["-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-tag:v", "hvc1"]
            : ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"];
        await ExternalCommand.RunAsync("ffmpeg",
        [
            "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=1", "-f", "lavfi", "-i", "sine=duration=1",
            .. codec, "-c:a", "aac", "-movflags", "use_metadata_tags", "-metadata", "com.apple.quicktime.content.identifier=" + identifier, "-y", path,
        ]);
        return await File.ReadAllBytesAsync(path);
    }

    // Big-endian TIFF: IFD0 (Make, pointer to the Exif IFD), the Exif IFD (MakerNote), and Apple's MakerNote:
    // "Apple iOS\0", version 1, "MM", then an IFD whose offsets count from the MakerNote's first byte.
    private static byte[] AppleTiff(string identifier)
    {
        var make = Encoding.ASCII.GetBytes("Apple\0");
        var text = Encoding.ASCII.GetBytes(identifier + "\0");
        var makerNote = new List<byte>(Encoding.ASCII.GetBytes("Apple iOS\0")) { 0, 1, (byte)'M', (byte)'M' };
        makerNote.AddRange(Ifd((0x0011, 2, (uint)text.Length, 14 + 2 + 12 + 4)));
        makerNote.AddRange(text);

        const int ifd0At = 8;
        var makeAt = ifd0At + 2 + 2 * 12 + 4;
        var exifAt = makeAt + make.Length;
        var makerNoteAt = exifAt + 2 + 12 + 4;
        var tiff = new List<byte>([(byte)'M', (byte)'M', 0, 42, 0, 0, 0, ifd0At]);
        tiff.AddRange(Ifd((0x010F, 2, (uint)make.Length, (uint)makeAt), (0x8769, 4, 1, (uint)exifAt)));
        tiff.AddRange(make);
        tiff.AddRange(Ifd((0x927C, 7, (uint)makerNote.Count, (uint)makerNoteAt)));
        tiff.AddRange(makerNote);
        return [.. tiff];
    }

    private static byte[] Ifd(params (ushort Tag, ushort Type, uint Count, uint Value)[] entries)
    {
        var ifd = new byte[2 + entries.Length * 12 + 4];
        BinaryPrimitives.WriteUInt16BigEndian(ifd, (ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var at = ifd.AsSpan(2 + i * 12);
            BinaryPrimitives.WriteUInt16BigEndian(at, entries[i].Tag);
            BinaryPrimitives.WriteUInt16BigEndian(at[2..], entries[i].Type);
            BinaryPrimitives.WriteUInt32BigEndian(at[4..], entries[i].Count);
            BinaryPrimitives.WriteUInt32BigEndian(at[8..], entries[i].Value);
        }
        return ifd;
    }
}
