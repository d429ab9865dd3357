using System.Net;
using System.Net.Http.Headers;
using GalleryOrleans.Tests.Imaging;
using GalleryOrleans.Tests.Infrastructure;
using GalleryOrleans.Tests.PhoneMedia;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>Signed, short-lived playback addresses that a &lt;video src&gt; can use without the bearer header.</summary>
public sealed class MediaStreamTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private readonly ApiClient api = new(cluster);

    private async Task<(SignedInUser Owner, string Id, byte[] Bytes, string Url)> VideoWithUrlAsync()
    {
        using var folder = new TempFolder();
        var bytes = await PhoneFixtures.H264Mp4Async(folder);
        var owner = await api.NewUserAsync();
        var uploaded = await Uploads.SendAsync(api, owner.AccessToken, ("clip.mp4", bytes));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var id = (await ApiClient.ReadJsonAsync(uploaded)).GetProperty("items")[0].GetProperty("id").GetString()!;
        var signed = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/stream-url", token: owner.AccessToken);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var body = await ApiClient.ReadJsonAsync(signed);
        var expiresAt = body.GetProperty("expiresAt").GetDateTime();
        Assert.InRange(expiresAt - DateTime.UtcNow, TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(61));
        return (owner, id, bytes, body.GetProperty("url").GetString()!);
    }

    [Fact]
    public async Task The_signed_address_streams_a_byte_range_without_a_bearer_token()
    {
        var (_, _, bytes, url) = await VideoWithUrlAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(100, 1099);

        using var response = await cluster.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes[100..1100], await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("expires")]
    [InlineData("user")]
    public async Task Changing_any_part_of_the_address_is_refused(string part)
    {
        var (_, _, _, url) = await VideoWithUrlAsync();
        var stranger = await api.NewUserAsync();
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), url).Query);
        query[part] = part switch
        {
            "signature" => new string('A', 43),
            "expires" => (long.Parse(query["expires"]!, System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => Guid.Parse(stranger.Id).ToString("N"),
        };

        using var response = await cluster.Http.GetAsync(url.Split('?')[0] + "?" + query);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Only_the_owner_gets_an_address()
    {
        var (_, id, _, _) = await VideoWithUrlAsync();
        var stranger = await api.NewUserAsync();

        var response = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/stream-url", token: stranger.AccessToken);
        var anonymous = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/stream-url");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
