using System.Text;
using GalleryOrleans.Imaging.Photos;

namespace GalleryOrleans.Tests.Imaging;

/// <summary>The place name of an XMP packet: its parts in any of the ways writers put them, and nothing from a bad packet.</summary>
[Trait("Category", "Unit")]
public sealed class XmpPlaceTests
{
    private const string Open = """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
          xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
        """;

    private const string Close = "</rdf:Description></rdf:RDF></x:xmpmeta>";

    [Fact]
    public void Extension_location_parts_and_a_one_item_alternative_make_the_place()
    {
        var xmp = Open + """
            ><Iptc4xmpExt:LocationCreated rdf:parseType="Resource">
              <Iptc4xmpExt:City>Kyoto</Iptc4xmpExt:City>
              <Iptc4xmpExt:CountryName><rdf:Alt><rdf:li xml:lang="x-default">Japan</rdf:li></rdf:Alt></Iptc4xmpExt:CountryName>
            </Iptc4xmpExt:LocationCreated>
            """ + Close;

        Assert.Equal("Kyoto, Japan", XmpPlace.Read(Encoding.UTF8.GetBytes(xmp)));
    }

    [Fact]
    public void Repeated_parts_are_named_once()
    {
        var xmp = Open + " photoshop:City=\"Singapore\" photoshop:Country=\"singapore\">" + Close;

        Assert.Equal("Singapore", XmpPlace.Read(Encoding.UTF8.GetBytes(xmp)));
    }

    [Theory]
    [InlineData("<x:xmpmeta><unclosed>")]
    [InlineData("<!DOCTYPE x [<!ENTITY e \"Paris\">]><x xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\" photoshop:City=\"&e;\"/>")]
    [InlineData("")]
    public void A_malformed_or_dtd_carrying_packet_gives_no_place(string xmp)
    {
        Assert.Null(XmpPlace.Read(Encoding.UTF8.GetBytes(xmp)));
    }
}
