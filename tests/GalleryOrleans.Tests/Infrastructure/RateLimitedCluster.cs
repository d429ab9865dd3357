namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>A cluster whose gateway keeps the guessing limits low enough to reach in a test.</summary>
public sealed class RateLimitedCluster() : GalleryCluster(siloCount: 1, withGateway: true)
{
    protected override IDictionary<string, string?> CommonSettings()
    {
        var settings = base.CommonSettings();
        settings["RateLimits:LoginPerIp:Permits"] = "1000";
        settings["RateLimits:LoginPerAccount:Permits"] = "3";
        settings["RateLimits:LoginPerAccount:WindowSeconds"] = "900";
        settings["RateLimits:ForgotPasswordPerIp:Permits"] = "4";
        settings["RateLimits:ForgotPasswordPerIp:WindowSeconds"] = "3600";
        settings["RateLimits:ResetPasswordPerIp:Permits"] = "3";
        settings["RateLimits:ResetPasswordPerIp:WindowSeconds"] = "3600";
        return settings;
    }
}
