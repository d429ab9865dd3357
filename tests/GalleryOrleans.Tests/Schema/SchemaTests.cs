using GalleryOrleans.Silo;
using GalleryOrleans.Silo.Schema;
using GalleryOrleans.Tests.Infrastructure;
using Npgsql;

namespace GalleryOrleans.Tests.Schema;

public sealed class SchemaTests : IAsyncLifetime
{
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await PostgresServer.Instance.CreateDatabaseAsync();

    public Task DisposeAsync() => PostgresServer.Instance.DropDatabaseAsync(connectionString);

    [Fact]
    public async Task Applying_the_schema_twice_applies_each_migration_once()
    {
        var first = await SchemaMigrator.ApplyAsync(connectionString, SchemaMigrator.Migrations);
        var second = await SchemaMigrator.ApplyAsync(connectionString, SchemaMigrator.Migrations);

        Assert.Equal(SchemaMigrator.Migrations.Count, first);
        Assert.Equal(0, second);
        Assert.Equal(SchemaMigrator.Migrations.Count, await ScalarAsync<long>("SELECT count(*) FROM gallery_schema_version"));
    }

    [Fact]
    public async Task Silos_starting_together_apply_the_schema_exactly_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SchemaMigrator.ApplyAsync(connectionString, SchemaMigrator.Migrations)));

        Assert.Equal(SchemaMigrator.Migrations.Count, results.Sum());
    }

    [Fact]
    public async Task Split_databases_each_get_only_their_own_tables()
    {
        var catalog = await PostgresServer.Instance.CreateDatabaseAsync();
        try
        {
            foreach (var (database, migrations) in SchemaMigrator.PlanFor(new DatabaseSettings(connectionString, catalog)))
            {
                await SchemaMigrator.ApplyAsync(database, migrations);
            }

            Assert.Equal(["orleans_grain_state", "orleans_membership", "orleans_membership_version", "orleans_reminder", "orleansquery"],
                await TablesAsync(connectionString));
            var catalogTables = await TablesAsync(catalog);
            Assert.Contains("bucket_object", catalogTables);
            Assert.Contains("media", catalogTables);
            Assert.DoesNotContain(catalogTables, table => table.StartsWith("orleans", StringComparison.Ordinal));
        }
        finally
        {
            await PostgresServer.Instance.DropDatabaseAsync(catalog);
        }
    }

    [Fact]
    public async Task A_database_that_recorded_every_migration_before_the_split_applies_none_again()
    {
        await SchemaMigrator.ApplyAsync(connectionString, SchemaMigrator.Migrations);

        var again = await Task.WhenAll(SchemaMigrator.PlanFor(new DatabaseSettings(connectionString, connectionString))
            .Concat([(connectionString, SchemaMigrator.Orleans), (connectionString, SchemaMigrator.Catalog)])
            .Select(target => SchemaMigrator.ApplyAsync(target.Item1, target.Item2)));

        Assert.All(again, applied => Assert.Equal(0, applied));
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
        await SchemaMigrator.ApplyAsync(connectionString, SchemaMigrator.Migrations);

        var text = await ScalarAsync<string>($"SELECT querytext FROM orleansquery WHERE querykey = '{queryKey}'");

        Assert.False(string.IsNullOrWhiteSpace(text));
    }

    private static async Task<List<string>> TablesAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'gallery_schema_version' ORDER BY tablename COLLATE \"C\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }
        return tables;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
