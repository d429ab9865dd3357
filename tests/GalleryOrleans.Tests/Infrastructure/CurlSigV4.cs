using System.Diagnostics;

namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>
/// curl's own SigV4 signing (--aws-sigv4): an independent client that, unlike the AWS SDK, signs an
/// x-amz-content-sha256 header it is given as it is, so a test can send a body that differs from its signed hash.
/// </summary>
public sealed class CurlSigV4(Uri endpoint, string accessKeyId, string secretAccessKey)
{
    /// <summary>Sends the request; returns the HTTP status and the response body.</summary>
    public async Task<(int Status, string Body)> SendAsync(string method, string path, byte[] body, IReadOnlyDictionary<string, string> headers)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[] { "-sS", "-X", method, "--aws-sigv4", "aws:amz:us-east-1:s3", "--user", $"{accessKeyId}:{secretAccessKey}",
            "--data-binary", "@-", "-w", "\n%{http_code}", new Uri(endpoint, path).ToString() })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"{name}: {value}");
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.BaseStream.WriteAsync(body);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, error);
        var statusStart = output.LastIndexOf('\n');
        return (int.Parse(output[(statusStart + 1)..], System.Globalization.CultureInfo.InvariantCulture), output[..statusStart]);
    }
}
