using System.Text.Json;
using GalleryOrleans.Abstractions.Storage;

namespace GalleryOrleans.Grains.Storage;

/// <summary>What an object writer had staged besides its file: the multipart ETag it joins under, or its seal.</summary>
public sealed record StagedUpload(string? JoinETag, SealedObject? Sealed);

/// <summary>
/// Carries an object writer's upload from a stopping silo to the writer's next activation. A writer deactivated by
/// its silo's shutdown leaves its file (complete up to the last byte it took) and a small record in the storage
/// root's handover folder, which every silo shares; the next call to that writer activates it on another silo, which
/// takes both over and goes on where the old activation stopped. An upload under way thus survives a rolling
/// restart. What nobody takes over is swept with other old temporary files (<see cref="TempFileSweeper"/>).
/// </summary>
public sealed class WriterHandover(StorageLayout layout)
{
    /// <summary>Leaves the writer's file (null when it has none yet) and record for its next activation.</summary>
    public async Task GiveAsync(Guid writer, string? file, StagedUpload staged)
    {
        Directory.CreateDirectory(layout.HandoverDirectory);
        if (file is not null)
        {
            File.Move(file, FilePath(writer));
        }
        // The record appears last and whole: its presence says that everything is in place.
        var record = RecordPath(writer);
        await File.WriteAllTextAsync(record + ".new", JsonSerializer.Serialize(staged));
        File.Move(record + ".new", record, overwrite: true);
    }

    /// <summary>What a stopped activation of the writer left, moved into this silo's temporary folder; null if nothing.</summary>
    public async Task<(StagedUpload Staged, string? File)?> TakeAsync(Guid writer)
    {
        var record = RecordPath(writer);
        if (!File.Exists(record))
        {
            return null;
        }
        var staged = JsonSerializer.Deserialize<StagedUpload>(await File.ReadAllTextAsync(record))
            ?? throw new InvalidDataException($"The handover record {record} is empty.");
        string? file = null;
        if (File.Exists(FilePath(writer)))
        {
            file = layout.NewTempFile();
            File.Move(FilePath(writer), file);
        }
        File.Delete(record);
        return (staged, file);
    }

    private string FilePath(Guid writer) => Path.Combine(layout.HandoverDirectory, writer.ToString("N") + ".part");

    private string RecordPath(Guid writer) => Path.Combine(layout.HandoverDirectory, writer.ToString("N") + ".json");
}
