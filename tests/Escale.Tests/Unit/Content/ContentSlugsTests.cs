using Escale.Core.Content;

namespace Escale.Tests.Unit.Content;

public sealed class ContentSlugsTests
{
    [Fact]
    public void Unique_TransliteratesFrenchAccents()
    {
        Assert.Equal("fete-de-l-ete-a-saint-cere", ContentSlugs.Unique("Fête de l’été à Saint-Céré", new HashSet<string>()));
    }

    [Fact]
    public void Unique_WithTheSlugTaken_AddsTwo_ThenThree()
    {
        var taken = new HashSet<string> { "marche-de-cahors", "marche-de-cahors-2" };

        Assert.Equal("marche-de-cahors-3", ContentSlugs.Unique("Marché de Cahors", taken));
        Assert.Equal("marche-de-cahors-2", ContentSlugs.Unique("Marché de Cahors", new HashSet<string> { "marche-de-cahors" }));
    }

    [Fact]
    public void Unique_WithNoLetters_FallsBackToAWord()
    {
        Assert.Equal("contenu", ContentSlugs.Unique("« — »", new HashSet<string>()));
    }

    [Fact]
    public void Unique_CutsVeryLongTitles()
    {
        var slug = ContentSlugs.Unique(string.Concat(Enumerable.Repeat("très long titre ", 30)), new HashSet<string>());

        Assert.True(slug.Length <= 120);
        Assert.False(slug.EndsWith('-'));
    }

    [Fact]
    public void Unique_NeverGivesTheMapPagesAddress()
    {
        Assert.Equal("carte-2", ContentSlugs.Unique("Carte", new HashSet<string>()));
    }
}
