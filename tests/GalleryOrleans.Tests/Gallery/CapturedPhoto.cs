using GalleryOrleans.Tests.Imaging;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>
/// A sample photo carrying what a camera records about how and where it was taken: lens model and exposure in its
/// EXIF (set through libvips' fields), and the place in an XMP packet written by hand, with the parts as attributes
/// and as an element, as XMP writers do either way.
/// </summary>
internal static class CapturedPhoto
{
    public const string Lens = "Acme 35mm F1.4 DG";
    public const string Place = "Montmartre, Paris, Île-de-France, France";

    public static readonly (string Field, string Value)[] Exif =
    [
        ("exif-ifd0-Make", "Acme"), ("exif-ifd0-Model", "Pixelmaster 9"), ("exif-ifd2-LensModel", Lens),
        ("exif-ifd2-ExposureTime", "1/250"), ("exif-ifd2-FNumber", "14/10"), ("exif-ifd2-ISOSpeedRatings", "200"),
        ("exif-ifd2-FocalLength", "35/1"),
    ];

    public const string Xmp = """
        <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
          xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
          photoshop:City="Paris" photoshop:State="Île-de-France" Iptc4xmpCore:Location="Montmartre">
          <photoshop:Country>France</photoshop:Country>
        </rdf:Description>
        </rdf:RDF></x:xmpmeta>
        <?xpacket end="w"?>
        """;

    public static byte[] Jpeg(string sample = "rocket.jpg")
    {
        using var photo = TestImages.LoadPhoto(sample);
        using var tagged = TestImages.WithExif(photo, 1, Exif);
        return JpegApp1.WithXmp(tagged.JpegsaveBuffer(), Xmp);
    }
}
