namespace GalleryOrleans.Tests.WebUi;

/// <summary>The two screens the UI tests run at: a desktop window and a 390x844 phone with touch.</summary>
public sealed record Screen(int Width, int Height, bool IsPhone)
{
    public static readonly Screen Default = new(1280, 720, false);

    public static readonly Screen Desktop = new(1280, 800, false);

    public static readonly Screen Phone = new(390, 844, true);

    public static Screen Named(string name) => name == "phone" ? Phone : Desktop;
}
