namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>The test API client of a scripted deployment, which reads the mail its deployment writes to a folder.</summary>
public static class ScriptedDeploymentApi
{
    extension(ScriptedDeployment deployment)
    {
        public ApiClient Api => new(deployment.Http, Path.Combine(deployment.DataDirectory, "mail"));
    }
}
