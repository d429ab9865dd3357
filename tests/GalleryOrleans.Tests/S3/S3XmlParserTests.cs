using System.Text;
using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Payload;
using GalleryOrleans.Gateway.S3.Xml;

namespace GalleryOrleans.Tests.S3;

[Trait("Category", "Unit")]
public sealed class S3XmlParserTests
{
    private static MemoryStream Xml(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task AssertError(string code, Func<Task> parse) =>
        Assert.Equal(code, (await Assert.ThrowsAsync<S3Exception>(parse)).Error.Code);

    [Fact]
    public async Task Parses_complete_multipart_upload()
    {
        var parts = await S3XmlParser.ParseCompleteMultipartUploadAsync(Xml("""
            <CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Part><PartNumber>1</PartNumber><ETag>"a54357aff0632cce46d942af68356b38"</ETag><ChecksumCRC32>AAAAAA==</ChecksumCRC32></Part>
              <Part><ETag>&quot;0c78aef83f66abc1fa1e8477f296d394&quot;</ETag><PartNumber>3</PartNumber></Part>
            </CompleteMultipartUpload>
            """), CancellationToken.None);

        Assert.Equal([new CompletedPart(1, "a54357aff0632cce46d942af68356b38"), new CompletedPart(3, "0c78aef83f66abc1fa1e8477f296d394")], parts);
    }

    [Fact]
    public async Task Parses_complete_multipart_upload_without_namespace()
    {
        var parts = await S3XmlParser.ParseCompleteMultipartUploadAsync(
            Xml("<?xml version=\"1.0\"?><CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>e</ETag></Part></CompleteMultipartUpload>"),
            CancellationToken.None);

        Assert.Equal("e", Assert.Single(parts).ETag);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml")]
    [InlineData("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>e</ETag></Part>")]
    [InlineData("<Other><Part><PartNumber>1</PartNumber><ETag>e</ETag></Part></Other>")]
    [InlineData("<CompleteMultipartUpload></CompleteMultipartUpload>")]
    [InlineData("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part></CompleteMultipartUpload>")]
    [InlineData("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>e</ETag><ETag>f</ETag></Part></CompleteMultipartUpload>")]
    [InlineData("<!DOCTYPE x [<!ENTITY e \"boom\">]><CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&e;</ETag></Part></CompleteMultipartUpload>")]
    [InlineData("<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><CompleteMultipartUpload/>")]
    public Task Rejects_malformed_complete_multipart_upload(string body) =>
        AssertError(S3ErrorCodes.MalformedXml, () => S3XmlParser.ParseCompleteMultipartUploadAsync(Xml(body), CancellationToken.None));

    [Theory]
    [InlineData("0")]
    [InlineData("10001")]
    [InlineData("-1")]
    [InlineData("one")]
    public Task Rejects_part_numbers_out_of_range(string number) =>
        AssertError(S3ErrorCodes.InvalidArgument, () => S3XmlParser.ParseCompleteMultipartUploadAsync(
            Xml($"<CompleteMultipartUpload><Part><PartNumber>{number}</PartNumber><ETag>e</ETag></Part></CompleteMultipartUpload>"),
            CancellationToken.None));

    [Fact]
    public Task Rejects_parts_not_in_ascending_order() =>
        AssertError(S3ErrorCodes.InvalidPartOrder, () => S3XmlParser.ParseCompleteMultipartUploadAsync(
            Xml("<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>e</ETag></Part>" +
                "<Part><PartNumber>1</PartNumber><ETag>f</ETag></Part></CompleteMultipartUpload>"),
            CancellationToken.None));

    [Fact]
    public async Task A_part_number_listed_twice_in_a_row_keeps_its_last_etag()
    {
        var parts = await S3XmlParser.ParseCompleteMultipartUploadAsync(
            Xml("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>e</ETag></Part>" +
                "<Part><PartNumber>1</PartNumber><ETag>f</ETag></Part><Part><PartNumber>2</PartNumber><ETag>g</ETag></Part>" +
                "</CompleteMultipartUpload>"),
            CancellationToken.None);

        Assert.Equal([new CompletedPart(1, "f"), new CompletedPart(2, "g")], parts);
    }

    [Fact]
    public async Task Parses_delete_with_quiet_and_keeps_key_whitespace()
    {
        var request = await S3XmlParser.ParseDeleteAsync(Xml("""
            <Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Quiet>true</Quiet>
              <Object><Key>photos/a b.jpg</Key></Object>
              <Object><Key> padded </Key><VersionId>v1</VersionId></Object>
            </Delete>
            """), CancellationToken.None);

        Assert.True(request.Quiet);
        Assert.Equal(["photos/a b.jpg", " padded "], request.Keys);
    }

    [Fact]
    public async Task Delete_is_not_quiet_by_default()
    {
        var request = await S3XmlParser.ParseDeleteAsync(Xml("<Delete><Object><Key>k</Key></Object></Delete>"), CancellationToken.None);

        Assert.False(request.Quiet);
    }

    [Theory]
    [InlineData("<Delete></Delete>")]
    [InlineData("<Delete><Object></Object></Delete>")]
    [InlineData("<Delete><Object><Key></Key></Object></Delete>")]
    [InlineData("<Delete><Quiet>maybe</Quiet><Object><Key>k</Key></Object></Delete>")]
    [InlineData("<Delete><Object><Key>k</Key></Object>")]
    public Task Rejects_malformed_delete(string body) =>
        AssertError(S3ErrorCodes.MalformedXml, () => S3XmlParser.ParseDeleteAsync(Xml(body), CancellationToken.None));

    [Fact]
    public Task Rejects_more_than_1000_keys()
    {
        var body = "<Delete>" + string.Concat(Enumerable.Range(0, 1001).Select(i => $"<Object><Key>k{i}</Key></Object>")) + "</Delete>";
        return AssertError(S3ErrorCodes.MalformedXml, () => S3XmlParser.ParseDeleteAsync(Xml(body), CancellationToken.None));
    }

    [Fact]
    public async Task Reads_the_body_to_its_end_so_payload_checks_run()
    {
        var xml = Encoding.UTF8.GetBytes("<Delete><Object><Key>k</Key></Object></Delete>\n");
        var reachedEnd = false;
        using var body = new HashingStream(new MemoryStream(xml), atEnd: _ => reachedEnd = true);

        await S3XmlParser.ParseDeleteAsync(body, CancellationToken.None);

        Assert.True(reachedEnd);
    }
}
