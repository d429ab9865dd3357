using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using GalleryOrleans.Gateway.S3.Errors;

namespace GalleryOrleans.Gateway.S3.Xml;

/// <summary>A part named in CompleteMultipartUpload; <see cref="ETag"/> without quotes.</summary>
public sealed record CompletedPart(int PartNumber, string ETag);

/// <summary>The keys of a DeleteObjects request.</summary>
public sealed record MultiObjectDelete(IReadOnlyList<string> Keys, bool Quiet);

/// <summary>
/// Parsers of S3 request bodies. Element names are matched with or without the S3 namespace, unknown elements
/// are ignored, DTDs are refused and the document size is bounded; bad input is <c>MalformedXML</c>.
/// The body is read to its end, so an <see cref="S3Payload"/> body gets its checks.
/// </summary>
public static class S3XmlParser
{
    public const int MaxDeleteKeys = 1000;
    public const int MaxPartNumber = 10000;

    // 1000 keys of up to 1024 UTF-8 bytes each, escaped, or 10000 parts, fit well below this.
    private const long MaxDocumentCharacters = 8 * 1024 * 1024;

    public static async Task<IReadOnlyList<CompletedPart>> ParseCompleteMultipartUploadAsync(Stream body, CancellationToken cancellationToken)
    {
        var root = await LoadAsync(body, "CompleteMultipartUpload", cancellationToken);
        var parts = new List<CompletedPart>();
        foreach (var part in Children(root, "Part"))
        {
            var number = int.TryParse(SingleValue(part, "PartNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && n is >= 1 and <= MaxPartNumber
                    ? n
                    : throw new S3Exception(S3ErrorCodes.InvalidArgument, "Part number must be an integer between 1 and 10000, inclusive");
            if (parts.Count > 0 && number < parts[^1].PartNumber)
            {
                throw new S3Exception(S3ErrorCodes.InvalidPartOrder,
                    "The list of parts was not in ascending order. The parts list must be specified in order by part number.");
            }

            // A client that re-sent a part may list it once per upload it made; the last one listed is the one it kept.
            if (parts.Count > 0 && number == parts[^1].PartNumber)
            {
                parts.RemoveAt(parts.Count - 1);
            }
            parts.Add(new CompletedPart(number, S3Format.UnquoteETag(SingleValue(part, "ETag"))));
        }

        return parts.Count > 0 ? parts : throw Malformed();
    }

    public static async Task<MultiObjectDelete> ParseDeleteAsync(Stream body, CancellationToken cancellationToken)
    {
        var root = await LoadAsync(body, "Delete", cancellationToken);
        var quiet = Children(root, "Quiet").SingleOrDefault()?.Value.Trim().ToLowerInvariant() switch
        {
            null or "false" => false,
            "true" => true,
            _ => throw Malformed(),
        };
        var keys = Children(root, "Object").Select(entry => SingleValue(entry, "Key")).ToList();
        return keys.Count is > 0 and <= MaxDeleteKeys ? new MultiObjectDelete(keys, quiet) : throw Malformed();
    }

    private static async Task<XElement> LoadAsync(Stream body, string rootName, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxDocumentCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(body, settings);
            var document = await XDocument.LoadAsync(reader, LoadOptions.None, cancellationToken);
            return document.Root is { } root && root.Name.LocalName == rootName ? root : throw Malformed();
        }
        catch (XmlException e)
        {
            throw Malformed(e);
        }
    }

    private static IEnumerable<XElement> Children(XElement parent, string name) =>
        parent.Elements().Where(element => element.Name.LocalName == name);

    private static string SingleValue(XElement parent, string name)
    {
        var matches = Children(parent, name).Take(2).ToList();
        return matches is [{ HasElements: false } only] && only.Value.Length > 0 ? only.Value : throw Malformed();
    }

    private static S3Exception Malformed(Exception? inner = null) =>
        new(S3ErrorCodes.MalformedXml, "The XML you provided was not well-formed or did not validate against our published schema.", inner);
}
