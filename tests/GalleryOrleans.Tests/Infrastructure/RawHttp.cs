using System.Net.Sockets;
using System.Text;

namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>The status line, headers and body of a raw HTTP answer; Status 0 when the server closed without one.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public bool Dropped => Status == 0;

    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}

/// <summary>
/// HTTP/1.1 written byte by byte to a socket, one request per connection: the only way to send what HttpClient
/// refuses to (raw non-ASCII header bytes, a body shorter than its Content-Length, broken framing).
/// </summary>
public static class RawHttp
{
    public static async Task<RawResponse> SendAsync(Uri endpoint, string method, string target,
        IEnumerable<KeyValuePair<string, string>> headers, byte[] body, long? contentLength = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port);
        var stream = client.GetStream();
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {endpoint.Authority}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        head.Append($"Content-Length: {contentLength ?? body.Length}\r\n\r\n");
        try
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()));
            await stream.WriteAsync(body);
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything (a refused oversized request).
        }
        return Parse(await ReadAllAsync(stream));
    }

    private static async Task<byte[]> ReadAllAsync(NetworkStream stream)
    {
        using var buffer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(buffer);
        }
        catch (IOException)
        {
            // A reset after the answer was sent still leaves the answer to read.
        }
        return buffer.ToArray();
    }

    private static RawResponse Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (!text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) || end < 0)
        {
            return new RawResponse(0, new Dictionary<string, string>(), text);
        }
        var lines = text[..end].Split("\r\n");
        var headers = new Dictionary<string, string>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }
        return new RawResponse(int.Parse(lines[0].AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture), headers, text[(end + 4)..]);
    }
}
