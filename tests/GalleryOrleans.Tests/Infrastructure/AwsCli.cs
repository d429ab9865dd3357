using System.Diagnostics;

namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>
/// Runs the real aws CLI (installed by deploy/local/install-prerequisites.sh) with the given endpoint
/// and credentials and no local AWS configuration.
/// </summary>
public sealed class AwsCli(Uri endpoint, string accessKeyId, string secretAccessKey, bool insecureTls = false)
{
    public static string Executable { get; } = ToolPaths.Find("GALLERY_AWS_CLI", "aws")
        ?? throw new InvalidOperationException("The aws CLI is not on PATH (or named by GALLERY_AWS_CLI): run deploy/local/install-prerequisites.sh.");

    /// <summary>The command's result; <see cref="Result.Output"/> is standard output, or standard error when it failed.</summary>
    public async Task<Result> RunAsync(IEnumerable<string> arguments, string configFile = "/nonexistent/aws-config")
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(endpoint.ToString().TrimEnd('/'));
        if (insecureTls)
        {
            start.ArgumentList.Add("--no-verify-ssl");
        }
        start.Environment["AWS_ACCESS_KEY_ID"] = accessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = secretAccessKey;
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = configFile;
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_PAGER"] = "";
        start.Environment["PYTHONWARNINGS"] = "ignore";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0 ? new Result(true, await stdout) : new Result(false, await stderr);
    }

    public sealed record Result(bool Succeeded, string Output);
}
