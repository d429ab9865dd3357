using System.Globalization;
using System.Text;
using System.Xml;
using GalleryOrleans.Gateway.S3.Errors;

namespace GalleryOrleans.Gateway.S3.Xml;

/// <summary>Writers of the XML documents S3 answers with; each returns the UTF-8 bytes of a whole document.</summary>
public static partial class S3Xml
{
    public const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        // Keys may hold CR, which a parser would otherwise turn into LF.
        NewLineHandling = NewLineHandling.Entitize,
    };

    /// <summary><c>&lt;Error&gt;</c> (not in the S3 namespace, as S3 sends it).</summary>
    public static byte[] Error(S3Error error, string resource, string requestId) =>
        Document("Error", null, writer =>
        {
            Element(writer, "Code", error.Code);
            Element(writer, "Message", error.Message);
            Element(writer, "Resource", resource);
            Element(writer, "RequestId", requestId);
        });

    private static byte[] Document(string root, string? ns, Action<XmlWriter> writeContent)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(root, ns ?? "");
            writeContent(writer);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void Element(XmlWriter writer, string name, string value) => writer.WriteElementString(name, value);

    private static void Element(XmlWriter writer, string name, long value) =>
        writer.WriteElementString(name, value.ToString(CultureInfo.InvariantCulture));

    private static void Element(XmlWriter writer, string name, bool value) => writer.WriteElementString(name, value ? "true" : "false");

    private static void Element(XmlWriter writer, string name, DateTimeOffset value) => writer.WriteElementString(name, S3Format.Timestamp(value));

    /// <summary>An Owner (or Initiator) element; users are named by their id, which is also their display name.</summary>
    private static void Person(XmlWriter writer, string element, string userId, string? displayName = null) =>
        Elements(writer, element, person =>
        {
            Element(person, "ID", userId);
            Element(person, "DisplayName", displayName ?? userId);
        });

    private static void Elements(XmlWriter writer, string name, Action<XmlWriter> writeContent)
    {
        writer.WriteStartElement(name);
        writeContent(writer);
        writer.WriteEndElement();
    }
}
