using System.Xml.Linq;
using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Requests;
using GalleryOrleans.Gateway.S3.Xml;
using Microsoft.AspNetCore.Http;

namespace GalleryOrleans.Tests.S3;

[Trait("Category", "Unit")]
public sealed class S3XmlTests
{
    private static readonly XNamespace S3 = S3Xml.Namespace;
    private static readonly DateTimeOffset Modified = new(2009, 10, 12, 17, 50, 30, TimeSpan.Zero);

    private static XElement Parse(byte[] document)
    {
        Assert.False(document.AsSpan().StartsWith("\uFEFF"u8), "no byte order mark");
        return XDocument.Parse(System.Text.Encoding.UTF8.GetString(document)).Root!;
    }

    private static ListObjectsQuery Query(string query) => ListObjectsQuery.Parse(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)));

    [Fact]
    public void Writes_the_error_document_without_namespace()
    {
        var root = Parse(S3Xml.Error(new S3Error(S3ErrorCodes.NoSuchKey, "The specified key does not exist."), "/photos/a <b>.jpg", "req-1"));

        Assert.Equal("Error", root.Name.LocalName);
        Assert.Equal("", root.Name.NamespaceName);
        Assert.Equal("NoSuchKey", root.Element("Code")!.Value);
        Assert.Equal("The specified key does not exist.", root.Element("Message")!.Value);
        Assert.Equal("/photos/a <b>.jpg", root.Element("Resource")!.Value);
        Assert.Equal("req-1", root.Element("RequestId")!.Value);
    }

    [Fact]
    public void Writes_list_all_my_buckets()
    {
        var root = Parse(S3Xml.ListAllMyBuckets("owner-id", "Alice", [new BucketEntry("photos", Modified), new BucketEntry("raw", Modified.AddDays(1))]));

        Assert.Equal(S3 + "ListAllMyBucketsResult", root.Name);
        Assert.Equal("owner-id", root.Element(S3 + "Owner")!.Element(S3 + "ID")!.Value);
        Assert.Equal("Alice", root.Element(S3 + "Owner")!.Element(S3 + "DisplayName")!.Value);
        var buckets = root.Element(S3 + "Buckets")!.Elements(S3 + "Bucket").ToList();
        Assert.Equal(["photos", "raw"], buckets.Select(b => b.Element(S3 + "Name")!.Value));
        Assert.Equal("2009-10-12T17:50:30.000Z", buckets[0].Element(S3 + "CreationDate")!.Value);
    }

    [Fact]
    public void Writes_a_v2_listing_with_continuation_and_common_prefixes()
    {
        var query = Query("?list-type=2&prefix=2024/&delimiter=/&max-keys=2&start-after=2024/a");
        var page = new ListObjectsPage(
            [new ObjectEntry("2024/b.jpg", Modified.AddMilliseconds(7), "fba9dede5f27731c9771645a39863328", 434234)],
            ["2024/trip/"],
            "2024/trip/");

        var root = Parse(S3Xml.ListBucket("photos", query, page));

        Assert.Equal(S3 + "ListBucketResult", root.Name);
        Assert.Equal("photos", root.Element(S3 + "Name")!.Value);
        Assert.Equal("2024/", root.Element(S3 + "Prefix")!.Value);
        Assert.Equal("2024/a", root.Element(S3 + "StartAfter")!.Value);
        Assert.Equal("2", root.Element(S3 + "KeyCount")!.Value);
        Assert.Equal("2", root.Element(S3 + "MaxKeys")!.Value);
        Assert.Equal("/", root.Element(S3 + "Delimiter")!.Value);
        Assert.Equal("true", root.Element(S3 + "IsTruncated")!.Value);
        Assert.Null(root.Element(S3 + "Marker"));
        var token = root.Element(S3 + "NextContinuationToken")!.Value;
        Assert.Equal("2024/trip/", Query($"?list-type=2&continuation-token={Uri.EscapeDataString(token)}").After);

        var contents = Assert.Single(root.Elements(S3 + "Contents"));
        Assert.Equal("2024/b.jpg", contents.Element(S3 + "Key")!.Value);
        Assert.Equal("2009-10-12T17:50:30.007Z", contents.Element(S3 + "LastModified")!.Value);
        Assert.Equal("\"fba9dede5f27731c9771645a39863328\"", contents.Element(S3 + "ETag")!.Value);
        Assert.Equal("434234", contents.Element(S3 + "Size")!.Value);
        Assert.Equal("STANDARD", contents.Element(S3 + "StorageClass")!.Value);
        Assert.Equal("2024/trip/", Assert.Single(root.Elements(S3 + "CommonPrefixes")).Element(S3 + "Prefix")!.Value);
    }

    [Fact]
    public void Writes_a_v1_listing_with_marker()
    {
        var query = Query("?marker=a&max-keys=5000");
        var root = Parse(S3Xml.ListBucket("photos", query, new ListObjectsPage([new ObjectEntry("b", Modified, "\"e\"", 1)], [], "b")));

        Assert.Equal("a", root.Element(S3 + "Marker")!.Value);
        Assert.Equal("b", root.Element(S3 + "NextMarker")!.Value);
        Assert.Equal("1000", root.Element(S3 + "MaxKeys")!.Value);
        Assert.Null(root.Element(S3 + "KeyCount"));
        Assert.Null(root.Element(S3 + "Delimiter"));
        Assert.Equal("\"e\"", root.Element(S3 + "Contents")!.Element(S3 + "ETag")!.Value);
    }

    [Fact]
    public void Writes_a_complete_listing_without_next_marker()
    {
        var root = Parse(S3Xml.ListBucket("photos", Query("?list-type=2"), new ListObjectsPage([], [], null)));

        Assert.Equal("false", root.Element(S3 + "IsTruncated")!.Value);
        Assert.Equal("0", root.Element(S3 + "KeyCount")!.Value);
        Assert.Null(root.Element(S3 + "NextContinuationToken"));
        Assert.Empty(root.Elements(S3 + "Contents"));
    }

    [Fact]
    public void A_v1_listing_sends_its_prefix_as_given_even_when_url_encoding()
    {
        var root = Parse(S3Xml.ListBucket("photos", Query("?encoding-type=url&prefix=my%20dir/"), new ListObjectsPage([], [], null)));

        Assert.Equal("my dir/", root.Element(S3 + "Prefix")!.Value);
    }

    [Fact]
    public void Url_encodes_keys_and_prefixes_when_asked()
    {
        var query = Query("?list-type=2&encoding-type=url&prefix=my%20dir/&delimiter=/");
        var key = "my dir/été +1=2\r.jpg";
        var root = Parse(S3Xml.ListBucket("photos", query, new ListObjectsPage([new ObjectEntry(key, Modified, "e", 1)], ["my dir/a b/"], null)));

        Assert.Equal("url", root.Element(S3 + "EncodingType")!.Value);
        Assert.Equal("my%20dir/", root.Element(S3 + "Prefix")!.Value);
        var encodedKey = root.Element(S3 + "Contents")!.Element(S3 + "Key")!.Value;
        Assert.Equal("my%20dir/%C3%A9t%C3%A9%20%2B1%3D2%0D.jpg", encodedKey);
        Assert.Equal(key, Uri.UnescapeDataString(encodedKey));
        Assert.Equal("my%20dir/a%20b/", root.Element(S3 + "CommonPrefixes")!.Element(S3 + "Prefix")!.Value);
    }

    [Fact]
    public void Keeps_carriage_returns_in_keys_without_url_encoding()
    {
        var root = Parse(S3Xml.ListBucket("photos", Query(""), new ListObjectsPage([new ObjectEntry("a\rb\nc", Modified, "e", 1)], [], null)));

        Assert.Equal("a\rb\nc", root.Element(S3 + "Contents")!.Element(S3 + "Key")!.Value);
    }

    [Fact]
    public void Writes_multipart_documents()
    {
        var initiate = Parse(S3Xml.InitiateMultipartUpload("photos", "big.raw", "upload-1"));
        Assert.Equal(S3 + "InitiateMultipartUploadResult", initiate.Name);
        Assert.Equal(["photos", "big.raw", "upload-1"], initiate.Elements().Select(e => e.Value));

        var complete = Parse(S3Xml.CompleteMultipartUpload("http://gw/photos/big.raw", "photos", "big.raw", "3858f62230ac3c915f300c664312c11f-9"));
        Assert.Equal(S3 + "CompleteMultipartUploadResult", complete.Name);
        Assert.Equal("http://gw/photos/big.raw", complete.Element(S3 + "Location")!.Value);
        Assert.Equal("\"3858f62230ac3c915f300c664312c11f-9\"", complete.Element(S3 + "ETag")!.Value);

        var parts = Parse(S3Xml.ListParts(new ListPartsPage("photos", "big.raw", "upload-1", 0, 2,
            [new PartEntry(1, Modified, "aa", 5242880), new PartEntry(2, Modified, "bb", 5242880)], 2)));
        Assert.Equal(S3 + "ListPartsResult", parts.Name);
        Assert.Equal("upload-1", parts.Element(S3 + "UploadId")!.Value);
        Assert.Equal("0", parts.Element(S3 + "PartNumberMarker")!.Value);
        Assert.Equal("2", parts.Element(S3 + "NextPartNumberMarker")!.Value);
        Assert.Equal("2", parts.Element(S3 + "MaxParts")!.Value);
        Assert.Equal("true", parts.Element(S3 + "IsTruncated")!.Value);
        var part = parts.Elements(S3 + "Part").Last();
        Assert.Equal("2", part.Element(S3 + "PartNumber")!.Value);
        Assert.Equal("\"bb\"", part.Element(S3 + "ETag")!.Value);
        Assert.Equal("5242880", part.Element(S3 + "Size")!.Value);
        Assert.Equal("2009-10-12T17:50:30.000Z", part.Element(S3 + "LastModified")!.Value);
    }

    [Fact]
    public void Writes_copy_object_result()
    {
        var root = Parse(S3Xml.CopyObject(Modified, "9b2cf535f27731c974343645a3985328"));

        Assert.Equal(S3 + "CopyObjectResult", root.Name);
        Assert.Equal("2009-10-12T17:50:30.000Z", root.Element(S3 + "LastModified")!.Value);
        Assert.Equal("\"9b2cf535f27731c974343645a3985328\"", root.Element(S3 + "ETag")!.Value);
    }

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 0)]
    public void Writes_delete_result(bool quiet, int deletedListed)
    {
        var root = Parse(S3Xml.DeleteResult(["a", "b"], [new DeleteFailure("c", "AccessDenied", "Access Denied")], quiet));

        Assert.Equal(S3 + "DeleteResult", root.Name);
        Assert.Equal(deletedListed, root.Elements(S3 + "Deleted").Count());
        var error = Assert.Single(root.Elements(S3 + "Error"));
        Assert.Equal(["c", "AccessDenied", "Access Denied"], error.Elements().Select(e => e.Value));
    }
}
