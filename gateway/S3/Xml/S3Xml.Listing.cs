using System.Xml;
using GalleryOrleans.Gateway.S3.Requests;
using GalleryOrleans.Gateway.S3.SigV4;

namespace GalleryOrleans.Gateway.S3.Xml;

/// <summary>An object in a listing. <see cref="ETag"/> may be given with or without quotes.</summary>
public sealed record ObjectEntry(string Key, DateTimeOffset LastModified, string ETag, long Size, string StorageClass = "STANDARD");

/// <summary>
/// One page of a listing, in key order. <see cref="NextMarker"/> is where the next page resumes (the last key or common
/// prefix of this page) and is null on the last page.
/// </summary>
public sealed record ListObjectsPage(IReadOnlyList<ObjectEntry> Objects, IReadOnlyList<string> CommonPrefixes, string? NextMarker);

public static partial class S3Xml
{
    /// <summary>
    /// ListBucketResult of ListObjects, or of ListObjectsV2 when <see cref="ListObjectsQuery.IsV2"/>. Entries name
    /// <paramref name="ownerId"/> as their owner when given, in v1 always and in v2 with fetch-owner.
    /// </summary>
    public static byte[] ListBucket(string bucket, ListObjectsQuery query, ListObjectsPage page, string? ownerId = null) =>
        Document("ListBucketResult", Namespace, writer =>
        {
            string Encode(string value) => query.UrlEncoded ? UriEncoding.Encode(value, keepSlash: true) : value;

            Element(writer, "Name", bucket);
            // v1 sends its Prefix as given even with encoding-type=url (clients decode it only in v2).
            Element(writer, "Prefix", query.IsV2 ? Encode(query.Prefix) : query.Prefix);
            if (query.IsV2)
            {
                WriteV2Position(writer, query, page, Encode);
            }
            else
            {
                Element(writer, "Marker", Encode(query.Marker ?? ""));
                if (page.NextMarker is not null)
                {
                    Element(writer, "NextMarker", Encode(page.NextMarker));
                }
            }

            WritePageState(writer, query, page, Encode);
            foreach (var entry in page.Objects)
            {
                Elements(writer, "Contents", contents =>
                {
                    Element(contents, "Key", Encode(entry.Key));
                    Element(contents, "LastModified", entry.LastModified);
                    Element(contents, "ETag", S3Format.QuoteETag(entry.ETag));
                    Element(contents, "Size", entry.Size);
                    Element(contents, "StorageClass", entry.StorageClass);
                    if (ownerId is not null && (!query.IsV2 || query.FetchOwner))
                    {
                        Person(contents, "Owner", ownerId);
                    }
                });
            }

            WriteCommonPrefixes(writer, page, Encode);
        });

    /// <summary>MaxKeys, Delimiter, IsTruncated and EncodingType, shared by object and version listings.</summary>
    private static void WritePageState(XmlWriter writer, ListObjectsQuery query, ListObjectsPage page, Func<string, string> encode)
    {
        Element(writer, "MaxKeys", query.MaxKeys);
        if (query.Delimiter is not null)
        {
            Element(writer, "Delimiter", encode(query.Delimiter));
        }

        Element(writer, "IsTruncated", page.NextMarker is not null);
        if (query.UrlEncoded)
        {
            Element(writer, "EncodingType", "url");
        }
    }

    private static void WriteCommonPrefixes(XmlWriter writer, ListObjectsPage page, Func<string, string> encode)
    {
        foreach (var prefix in page.CommonPrefixes)
        {
            Elements(writer, "CommonPrefixes", common => Element(common, "Prefix", encode(prefix)));
        }
    }

    private static void WriteV2Position(XmlWriter writer, ListObjectsQuery query, ListObjectsPage page, Func<string, string> encode)
    {
        if (query.StartAfter is not null)
        {
            Element(writer, "StartAfter", encode(query.StartAfter));
        }

        if (query.ContinuationToken is not null)
        {
            Element(writer, "ContinuationToken", query.ContinuationToken);
        }

        if (page.NextMarker is not null)
        {
            Element(writer, "NextContinuationToken", ListObjectsQuery.EncodeContinuationToken(page.NextMarker));
        }

        Element(writer, "KeyCount", page.Objects.Count + page.CommonPrefixes.Count);
    }
}
