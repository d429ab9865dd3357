using GalleryOrleans.Abstractions.Auth;
using GalleryOrleans.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GalleryOrleans.Tests.Auth;

/// <summary>The outbox is a table, not a silo's memory: mail queued while the mail server is down survives the silo.</summary>
public sealed class DurableOutboxTests(MailServerDownCluster cluster) : IClassFixture<MailServerDownCluster>
{
    [Fact]
    public async Task A_mail_queued_while_the_mail_server_is_down_is_delivered_after_its_silo_is_killed_and_restarted()
    {
        var settings = cluster.SiloSettings("mailing-silo");
        var name = "outbox" + Guid.NewGuid().ToString("N")[..8];
        var email = $"{name}@example.com";

        using (var silo = SiloProcess.Start(settings))
        {
            using var client = await cluster.StartClientAsync().WaitAsync(TimeSpan.FromMinutes(2));
            var registered = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IAuthGrain>(0)
                .Register(new Registration(name, email, "Outbox-Password-1", null, null, null, null));
            Assert.True(registered.Succeeded);
            // Tried, refused by the absent server and put back for later (not still held by a delivery under way, which
            // a killed silo would keep for the lease's 5 minutes).
            await Eventually.TrueAsync(async () => await OutboxAsync("SELECT count(*) FROM email_outbox WHERE attempts > 0 AND lease_until IS NULL") > 0,
                TimeSpan.FromMinutes(1));
            silo.Kill();
        }
        var waiting = await OutboxAsync("SELECT count(*) FROM email_outbox");
        await using var mailServer = new FakeSmtpServer(port: cluster.MailPort);
        using (SiloProcess.Start(settings))
        {
            await Eventually.TrueAsync(() => Task.FromResult(mailServer.Messages.Any(m => m.Contains(email, StringComparison.Ordinal))), TimeSpan.FromMinutes(2));
            await Eventually.TrueAsync(async () => await OutboxAsync("SELECT count(*) FROM email_outbox") == 0, TimeSpan.FromMinutes(1));
        }

        Assert.Equal(1L, waiting);
        Assert.Contains(mailServer.Commands, command => command.Contains(email, StringComparison.Ordinal) && command.StartsWith("RCPT", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<long> OutboxAsync(string countQuery)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(countQuery, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
