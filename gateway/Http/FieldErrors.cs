using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace GalleryOrleans.Gateway.Http;

/// <summary>Collects per-field validation messages and answers them as one validation problem.</summary>
internal sealed partial class FieldErrors
{
    private const string DateFormat = "yyyy-MM-dd";

    private readonly Dictionary<string, List<string>> errors = [];

    public bool Any => errors.Count > 0;

    public IResult ToProblem() => Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }
        messages.Add(message);
    }

    public bool Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
            return false;
        }
        return true;
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, $"At most {max} characters.");
        }
    }

    public void Email(string field, string? value)
    {
        if (!Required(field, value))
        {
            return;
        }
        MaxLength(field, value, 254);
        if (!MailAddress.TryCreate(value!.Trim(), out var address) || address.Address != value.Trim() || !address.Host.Contains('.'))
        {
            Add(field, "Not a valid email address.");
        }
    }

    public void Username(string field, string? value)
    {
        if (Required(field, value) && !UsernamePattern().IsMatch(value!))
        {
            Add(field, "3 to 32 letters, digits, dots, dashes or underscores.");
        }
    }

    public void Password(string field, string? value)
    {
        if (!Required(field, value))
        {
            return;
        }
        if (value!.Length is < 8 or > 128)
        {
            Add(field, "8 to 128 characters.");
            return;
        }
        var kinds = new[] { value.Any(char.IsLower), value.Any(char.IsUpper), value.Any(char.IsDigit), value.Any(c => !char.IsLetterOrDigit(c)) };
        if (kinds.Count(k => k) < 2 || value.Distinct().Count() < 4)
        {
            Add(field, "Too weak: mix at least two of lower case, upper case, digits and symbols.");
        }
    }

    public void Phone(string field, string? value)
    {
        if (value is not null && !PhonePattern().IsMatch(value))
        {
            Add(field, "Digits, spaces, +, -, ( and ), up to 32 characters.");
        }
    }

    /// <summary>The optional profile fields shared by registration and profile updates.</summary>
    public void ProfileFields(string? firstName, string? lastName, string? phoneNumber, string? birthDate)
    {
        MaxLength("firstName", firstName, 100);
        MaxLength("lastName", lastName, 100);
        Phone("phoneNumber", phoneNumber);
        Date("birthDate", birthDate);
    }

    public void Date(string field, string? value)
    {
        if (value is not null
            && (!DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || date.Year < 1800 || date > DateOnly.FromDateTime(DateTime.UtcNow)))
        {
            Add(field, "A past date as YYYY-MM-DD.");
        }
    }

    /// <summary>A date that <see cref="Date"/> accepted.</summary>
    public static DateOnly? ParseDate(string? value) => value is null ? null : DateOnly.ParseExact(value, DateFormat, CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9._-]{3,32}$")]
    private static partial Regex UsernamePattern();

    [GeneratedRegex(@"^[0-9+\-() ]{3,32}$")]
    private static partial Regex PhonePattern();
}
