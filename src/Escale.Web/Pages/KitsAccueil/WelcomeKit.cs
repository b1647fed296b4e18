namespace Escale.Web.Pages.KitsAccueil;

/// <summary>
/// A welcome kit as it is read, already in the reader's language: the web page (<c>_WelcomeKit.cshtml</c>) and the PDF
/// (<see cref="WelcomeKitPdf"/>) both render this one model, section by section, so they never disagree. A new part
/// of the kit (the town hall, the associations, the next newcomers' evenings…) is one more <see cref="KitSection"/>
/// made by <see cref="WelcomeKitBuilder"/>: neither renderer changes.
/// </summary>
/// <param name="Language">The PDF's language tag: "fr-FR" or "en".</param>
public sealed record WelcomeKit(string Title, string Language, string Lead, IReadOnlyList<KitSection> Sections, string Sources);

/// <param name="Id">The section's anchor on the page.</param>
public sealed record KitSection(string Id, string Title, IReadOnlyList<KitBlock> Blocks);

/// <summary>A sub-heading, a sentence and a list; each part may be missing.</summary>
public sealed record KitBlock(string? Heading, string? Text, IReadOnlyList<KitItem> Items, bool Ordered = false);

/// <summary>
/// One thing of the kit: a name in bold, lines of details under it, and its ways to reach it. <paramref name="Link"/>
/// is absolute so the PDF can print it.
/// </summary>
public sealed record KitItem(string Text, IReadOnlyList<string> Details, string? Link = null, string? Email = null, string? Phone = null)
{
    public static KitItem Plain(string text) => new(text, []);
}
