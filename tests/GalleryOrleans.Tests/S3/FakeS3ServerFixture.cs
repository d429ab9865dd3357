namespace GalleryOrleans.Tests.S3;

/// <summary>One plain HTTP and one HTTPS <see cref="FakeS3Server"/> for a test class.</summary>
public sealed class FakeS3ServerFixture : IAsyncLifetime
{
    public FakeS3Server Http { get; private set; } = null!;

    public FakeS3Server Https { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Http = await FakeS3Server.StartAsync(https: false);
        Https = await FakeS3Server.StartAsync(https: true);
    }

    public async Task DisposeAsync()
    {
        await Http.DisposeAsync();
        await Https.DisposeAsync();
    }
}
