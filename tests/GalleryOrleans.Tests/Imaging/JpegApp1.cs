using System.Buffers.Binary;
using System.Text;

namespace GalleryOrleans.Tests.Imaging;

/// <summary>Puts an APP1 segment (EXIF, or an XMP packet) into a JPEG right after its start-of-image marker.</summary>
internal static class JpegApp1
{
    public static byte[] Insert(byte[] jpeg, byte[] payload)
    {
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(payload.Length + 2));
        return [.. jpeg[..2], 0xFF, 0xE1, .. length, .. payload, .. jpeg[2..]];
    }

    public static byte[] WithXmp(byte[] jpeg, string xmp) =>
        Insert(jpeg, [.. Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0"), .. Encoding.UTF8.GetBytes(xmp)]);
}
