using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Escale.Tests.Infrastructure;

/// <summary>A downloaded PDF read back: its words in reading order (one space between two), and its accessibility markers.</summary>
public sealed record KitPdf(string Text, string? Title, string? Language, bool Tagged, bool Marked, bool DisplaysTitle)
{
    public static KitPdf Read(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        var catalog = document.Structure.Catalog.CatalogDictionary;
        var text = string.Join(" ", document.GetPages().SelectMany(page => page.GetWords()).Select(word => word.Text));
        var language = catalog.TryGet<StringToken>(NameToken.Create("Lang"), out var lang) ? lang.Data : null;
        var displaysTitle = catalog.TryGet(NameToken.ViewerPreferences, document.Structure.TokenScanner, out DictionaryToken? preferences)
            && preferences!.TryGet<BooleanToken>(NameToken.Create("DisplayDocTitle"), out var display) && display.Data;
        return new KitPdf(text, document.Information.Title, language, catalog.ContainsKey(NameToken.StructTreeRoot), catalog.ContainsKey(NameToken.MarkInfo), displaysTitle);
    }
}
