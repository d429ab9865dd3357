using System.Net;
using System.Text.Json;
using GalleryOrleans.Tests.Gallery;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.PhoneMedia;

/// <summary>The API calls the phone media tests repeat: an upload that must succeed, and waiting for a rendition.</summary>
internal static class PhoneApi
{
    public static async Task<JsonElement> UploadAsync(ApiClient api, string token, params (string Name, byte[] Bytes)[] files)
    {
        var response = await Uploads.SendAsync(api, token, files);
        var body = await ApiClient.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("items");
    }

    public static async Task<JsonElement> GetMediaAsync(ApiClient api, string token, string id) =>
        await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Get, $"/api/media/{id}", token: token));

    /// <summary>
    /// Waits until <paramref name="playback"/> of the media (its "playback", or its motion part's) leaves "pending".
    /// The rendition is made in the background and this machine is shared, so it waits for the state, not a time.
    /// </summary>
    public static async Task<JsonElement> PlaybackSettledAsync(ApiClient api, string token, string id, Func<JsonElement, string?>? playback = null)
    {
        playback ??= media => media.GetProperty("playback").GetString();
        for (var started = DateTime.UtcNow; DateTime.UtcNow - started < TimeSpan.FromMinutes(5);)
        {
            var media = await GetMediaAsync(api, token, id);
            if (playback(media) != "pending")
            {
                return media;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The rendition of {id} was still pending after 5 minutes.");
    }
}
