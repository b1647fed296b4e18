using System.Globalization;

namespace Escale.Core.Territories;

/// <summary>A text in French (always present) and English (optional, falls back to French).</summary>
public sealed class LocalizedText
{
    public string Fr { get; set; } = "";
    public string? En { get; set; }

    public string For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(En) ? En : Fr;

    public string Current => For(CultureInfo.CurrentUICulture);

    public override string ToString() => Current;
}
