namespace GalleryOrleans.Gateway.Pages;

/// <summary>
/// The pages the account emails link to. Opening a link changes nothing (mail scanners open links);
/// the page posts the token to the API when the person presses the button.
/// </summary>
internal static class AccountPages
{
    public static void MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/verify-email", () => Page("Confirm your email", """
            <p>Press the button to confirm your email address.</p>
            <button id="go">Confirm</button>
            <p id="result" role="status"></p>
            <script>
              document.getElementById('go').onclick = async () => {
                const token = new URLSearchParams(location.search).get('token') || '';
                const response = await fetch('/api/auth/verify-email', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
                document.getElementById('result').textContent = response.ok ? 'Your email is confirmed.' : 'This link is invalid, used or expired.';
              };
            </script>
            """)).ExcludeFromDescription();
        app.MapGet("/reset-password", () => Page("Choose a new password", """
            <form id="form">
              <label>New password <input id="password" type="password" minlength="8" maxlength="128" required autocomplete="new-password"></label>
              <button>Set password</button>
            </form>
            <p id="result" role="status"></p>
            <script>
              document.getElementById('form').onsubmit = async (event) => {
                event.preventDefault();
                const token = new URLSearchParams(location.search).get('token') || '';
                const newPassword = document.getElementById('password').value;
                const response = await fetch('/api/auth/reset-password', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token, newPassword }) });
                const problem = response.ok ? null : await response.json();
                document.getElementById('result').textContent = response.ok
                  ? 'Your password is changed; sign in with it now.'
                  : Object.values(problem.errors || {}).flat().join(' ') || problem.title;
              };
            </script>
            """)).ExcludeFromDescription();
    }

    private static IResult Page(string title, string body) => Results.Content($$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · GalleryOrleans</title>
        <style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}button{padding:.5rem 1rem}</style>
        </head><body><h1>{{title}}</h1>{{body}}</body></html>
        """, "text/html; charset=utf-8");
}
