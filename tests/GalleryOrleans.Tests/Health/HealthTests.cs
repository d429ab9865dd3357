using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Health;

public sealed class HealthTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    [Fact]
    public async Task Healthz_answers_while_the_process_is_up()
    {
        var response = await cluster.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_reports_ready_when_a_grain_call_and_the_database_answer()
    {
        var response = await cluster.Http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_does_not_reveal_silo_addresses()
    {
        var response = await cluster.Http.GetAsync("/readyz");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var silo = cluster.SiloIdentity(cluster.Silos[0]);
        Assert.DoesNotContain(silo[..silo.IndexOf(':')], text);
        Assert.Equal(["status"], JsonDocument.Parse(text).RootElement.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public async Task Openapi_document_is_served()
    {
        var response = await cluster.Http.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", body.RootElement.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task Api_reference_page_is_served()
    {
        var response = await cluster.Http.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_route_gets_problem_details()
    {
        var response = await cluster.Http.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, body.RootElement.GetProperty("status").GetInt32());
        Assert.True(body.RootElement.TryGetProperty("title", out _));
    }

    [Fact]
    public async Task Metrics_are_exposed_in_prometheus_text_format_to_operators_only()
    {
        await cluster.Http.GetAsync("/healthz");

        var (response, anonymous, guessed) = await GetAsOperatorAnonymousAndGuesserAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http_requests_received_total", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("http_requests_received_total", await anonymous.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
    }

    [Fact]
    public async Task Dashboard_page_is_served_to_operators_only()
    {
        var (operatorResponse, anonymous, guessed) = await GetAsOperatorAnonymousAndGuesserAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, operatorResponse.StatusCode);
        Assert.Contains("text/html", operatorResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
    }

    /// <summary>GET of an operator page with the operator's password, with none, and with a wrong one.</summary>
    private async Task<(HttpResponseMessage Operator, HttpResponseMessage Anonymous, HttpResponseMessage Guessed)>
        GetAsOperatorAnonymousAndGuesserAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = OperatorLogin(cluster.DashboardPassword);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, path);
        wrong.Headers.Authorization = OperatorLogin("guess");
        return (await cluster.Http.SendAsync(request), await cluster.Http.GetAsync(path), await cluster.Http.SendAsync(wrong));
    }

    private static AuthenticationHeaderValue OperatorLogin(string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{password}")));
}
