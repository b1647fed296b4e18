namespace Escale.Web.Infrastructure.Links;

/// <summary>
/// The one rule for a return address a visitor hands us (<c>?retour=</c> of the language switch and of the sign-in
/// page): a clean path of this site, or the home page. A clean path starts with a single "/" (not "//" or "/\",
/// which browsers follow to another host) and holds only visible ASCII characters: a Location header carries
/// nothing else, and a control or non-ASCII character there makes the redirect throw instead of answering.
/// </summary>
public static class ReturnPath
{
    public const string Home = "/";

    public static bool IsClean(string? path) =>
        path is { Length: > 0 }
        && path[0] == '/'
        && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
        && path.All(c => c is > ' ' and < '\u007f');

    /// <summary><paramref name="path"/> when it is clean; <paramref name="whenAbsent"/> when none was given; otherwise the home page.</summary>
    public static string Or(string? path, string whenAbsent = Home) =>
        string.IsNullOrEmpty(path) ? whenAbsent : IsClean(path) ? path : Home;
}
