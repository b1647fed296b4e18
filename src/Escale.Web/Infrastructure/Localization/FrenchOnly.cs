using System.Globalization;

namespace Escale.Web.Infrastructure.Localization;

/// <summary>
/// Text that exists only in French (an offer, a story not yet translated, a reference label) shown to a visitor
/// reading another language: its element gets <c>lang="fr"</c>, and the page says once, at its top, that some of
/// its content is in French (the layout asks <see cref="WasShown"/> after the page has rendered).
/// </summary>
public static class FrenchOnly
{
    private static readonly object Shown = new();
    private static readonly object Explained = new();

    /// <summary>"fr" for the element's <c>lang</c> when the interface is not French, else null (no attribute).</summary>
    public static string? Lang(HttpContext context)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr")
        {
            return null;
        }
        context.Items[Shown] = true;
        return "fr";
    }

    /// <summary>For a page that says it in its own words (an untranslated story): the layout then does not repeat it.</summary>
    public static void SaidByThePage(HttpContext context) => context.Items[Explained] = true;

    public static bool WasShown(HttpContext context) => context.Items.ContainsKey(Shown) && !context.Items.ContainsKey(Explained);
}
