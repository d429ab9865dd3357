using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace GalleryOrleans.Imaging.Photos;

/// <summary>
/// The place name a photo's XMP packet gives: IPTC Core's sublocation (Iptc4xmpCore:Location) and Photoshop's
/// City, State and Country, or the same parts of IPTC Extension's LocationCreated/LocationShown. Properties may be
/// written as attributes or as elements (also as a one-item rdf:Alt). The packet is a stranger's bytes: no DTD, no
/// external entities, a bounded size, and anything malformed means "no place".
/// </summary>
internal static class XmpPlace
{
    private const int MaxPartLength = 100;
    private const int MaxPacketCharacters = 1024 * 1024;

    private static readonly XNamespace Photoshop = "http://ns.adobe.com/photoshop/1.0/";
    private static readonly XNamespace IptcCore = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";
    private static readonly XNamespace IptcExtension = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";

    // Most specific first, as a place is written: "Montmartre, Paris, Île-de-France, France".
    private static readonly XName[][] Parts =
    [
        [IptcCore + "Location", IptcExtension + "Sublocation"],
        [Photoshop + "City", IptcExtension + "City"],
        [Photoshop + "State", IptcExtension + "ProvinceState"],
        [Photoshop + "Country", IptcExtension + "CountryName"],
    ];

    public static string? Read(byte[]? packet)
    {
        if (packet is null || Parse(packet) is not { } xmp)
        {
            return null;
        }
        var found = Parts.Select(names => names.Select(name => Value(xmp, name)).FirstOrDefault(value => value is not null))
            .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return found.Count == 0 ? null : string.Join(", ", found);
    }

    private static XDocument? Parse(byte[] packet)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxPacketCharacters,
            IgnoreComments = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(Encoding.UTF8.GetString(packet).Trim('\0', ' ', '\r', '\n', '\t', '\uFEFF')), settings);
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string? Value(XDocument xmp, XName name)
    {
        var text = xmp.Descendants().Attributes(name).Select(attribute => attribute.Value)
            .Concat(xmp.Descendants(name).Select(element => element.Value))
            .Select(value => value.Trim())
            .FirstOrDefault(value => value.Length > 0);
        return text is null ? null : text[..Math.Min(text.Length, MaxPartLength)];
    }
}
