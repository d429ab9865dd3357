using GalleryOrleans.Silo.Schema;
using GalleryOrleans.Tests.Infrastructure;
using Npgsql;

namespace GalleryOrleans.Tests.Foundation;

public sealed class SchemaTests : IAsyncLifetime
{
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await PostgresServer.Instance.CreateDatabaseAsync();

    public Task DisposeAsync() => PostgresServer.Instance.DropDatabaseAsync(connectionString);

    [Fact]
    public async Task Applying_the_schema_twice_applies_each_migration_once()
    {
        var first = await SchemaMigrator.ApplyAsync(connectionString);
        var second = await SchemaMigrator.ApplyAsync(connectionString);

        Assert.Equal(SchemaMigrator.Migrations.Count, first);
        Assert.Equal(0, second);
        Assert.Equal(SchemaMigrator.Migrations.Count, await ScalarAsync<long>("SELECT count(*) FROM gallery_schema_version"));
    }

    [Fact]
    public async Task Silos_starting_together_apply_the_schema_exactly_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SchemaMigrator.ApplyAsync(connectionString)));

        Assert.Equal(SchemaMigrator.Migrations.Count, results.Sum());
    }

    [Theory]
    [InlineData("UpdateIAmAlivetimeKey")]
    [InlineData("InsertMembershipVersionKey")]
    [InlineData("InsertMembershipKey")]
    [InlineData("UpdateMembershipKey")]
    [InlineData("GatewaysQueryKey")]
    [InlineData("MembershipReadRowKey")]
    [InlineData("MembershipReadAllKey")]
    [InlineData("DeleteMembershipTableEntriesKey")]
    [InlineData("CleanupDefunctSiloEntriesKey")]
    [InlineData("CleanupDefunctSiloEntryKey")]
    [InlineData("WriteToStorageKey")]
    [InlineData("ReadFromStorageKey")]
    [InlineData("ClearStorageKey")]
    [InlineData("DeleteStorageKey")]
    [InlineData("UpsertReminderRowKey")]
    [InlineData("ReadReminderRowsKey")]
    [InlineData("ReadReminderRowKey")]
    [InlineData("ReadRangeRows1Key")]
    [InlineData("ReadRangeRows2Key")]
    [InlineData("DeleteReminderRowKey")]
    [InlineData("DeleteReminderRowsKey")]
    public async Task Every_query_the_orleans_providers_read_is_present(string queryKey)
    {
        await SchemaMigrator.ApplyAsync(connectionString);

        var text = await ScalarAsync<string>($"SELECT querytext FROM orleansquery WHERE querykey = '{queryKey}'");

        Assert.False(string.IsNullOrWhiteSpace(text));
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
