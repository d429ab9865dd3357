namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>Two silos and two gateways (two replicas behind a load balancer), both serving the HTTP API.</summary>
public sealed class TwoGatewayCluster() : GalleryCluster(siloCount: 2, withGateway: true)
{
    public HttpClient OtherHttp { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        OtherHttp = new HttpClient { BaseAddress = await StartAnotherGatewayAsync() };
    }

    public override async Task DisposeAsync()
    {
        OtherHttp?.Dispose();
        await base.DisposeAsync();
    }
}
