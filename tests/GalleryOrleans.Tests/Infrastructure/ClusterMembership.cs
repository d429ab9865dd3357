using Npgsql;

namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>The Orleans membership table of a running deployment, read as the silos write it.</summary>
internal sealed class ClusterMembership(string connectionString)
{
    private const int Active = 3;
    private const int Dead = 6;

    /// <summary>The newest generation of the named silo that is Active, or 0 when none is.</summary>
    public async Task<long> NewestActiveGenerationAsync(string siloName)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(max(generation), 0) FROM orleans_membership WHERE silo_name = @name AND status = @active", connection);
        command.Parameters.AddWithValue("name", siloName);
        command.Parameters.AddWithValue("active", Active);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Whether the named silo's given generation has been declared dead.</summary>
    public async Task<bool> IsDeadAsync(string siloName, long generation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM orleans_membership WHERE silo_name = @name AND generation = @generation AND status = @dead", connection);
        command.Parameters.AddWithValue("name", siloName);
        command.Parameters.AddWithValue("generation", (int)generation);
        command.Parameters.AddWithValue("dead", Dead);
        return Convert.ToInt64(await command.ExecuteScalarAsync()) == 1;
    }
}
