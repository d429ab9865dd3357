using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GalleryOrleans.Abstractions.Gallery;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>
/// Listing pages as the UTF-8 JSON bodies the gateway sends, written as ASP.NET Core writes an object (web defaults).
/// Each item is serialised once and kept beside its immutable view (a changed item is a new view), so answering a
/// page of a busy library copies bytes instead of serialising the same fifty views on every request.
/// </summary>
internal static class LibraryJson
{
    private static readonly ConditionalWeakTable<object, byte[]> Items = new();

    public static byte[] Page<T>(Page<T> page)
        where T : class
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var item in page.Items)
            {
                writer.WriteRawValue(Items.GetValue(item, view => JsonSerializer.SerializeToUtf8Bytes((T)view, JsonSerializerOptions.Web)), skipInputValidation: true);
            }
            writer.WriteEndArray();
            writer.WriteString("nextCursor", page.NextCursor);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
