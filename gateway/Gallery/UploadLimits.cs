using System.Text;
using GalleryOrleans.Abstractions.Storage;
using Microsoft.AspNetCore.WebUtilities;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>
/// What one upload request may hold besides its files, and the answers to a body that breaks the multipart
/// format or ends early: a stranger's request must not grow the gateway's memory or turn into a 5xx.
/// </summary>
internal static class UploadLimits
{
    /// <summary>The most bytes of a non-file form field (an album id needs 36).</summary>
    public const int MaxFieldBytes = 4 * 1024;

    /// <summary>The most parts (files and fields together) in one upload request.</summary>
    public const int MaxParts = 256;

    /// <summary>The field's text, read up to <see cref="MaxFieldBytes"/>; null when it is longer.</summary>
    public static async Task<string?> ReadFieldAsync(MultipartSection section, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var length = await section.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return length > MaxFieldBytes ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }

    public static IResult FieldTooLarge() => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Form field too large", detail: $"A form field other than a file may hold at most {MaxFieldBytes} bytes.");

    public static IResult TooManyParts() => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Too many parts", detail: $"An upload may have at most {MaxParts} parts.");

    /// <summary>
    /// The answer to a request body that is not well-formed multipart (bad boundary lines, oversized part headers)
    /// or that ended before its closing boundary; null for anything else, a full disk included.
    /// </summary>
    public static IResult? ProblemForBody(Exception error) => error switch
    {
        StorageFullException => null,
        BadHttpRequestException bad => Results.Problem(statusCode: bad.StatusCode, title: "Bad request body", detail: bad.Message),
        InvalidDataException or IOException => Results.Problem(statusCode: StatusCodes.Status400BadRequest,
            title: "Malformed multipart body", detail: "The multipart/form-data body is malformed or ended early."),
        _ => null,
    };
}
