using Escale.Core.Content.Search;

namespace Escale.Tests.Unit.Content.Search;

public sealed class ContentSearchTermsTests
{
    [Theory]
    [InlineData("enfants", "enfant")]
    [InlineData("Écoles", "école")]
    [InlineData("ecole", "École")]
    [InlineData("ŒUVRES", "oeuvre")]
    [InlineData("vignerons", "vigneron")]
    public void AWordAndItsVariant_HaveOneStem(string word, string variant) =>
        Assert.Equal(FrenchAnalysis.Stem(variant), FrenchAnalysis.Stem(word));

    [Fact]
    public void SyntaxCharacters_AreNotWords()
    {
        var terms = ContentSearchTerms.Parse("\"vin\"* NEAR(truffe) -noix title:(cèpes) ;-- 'x' \\ % 🍷");

        Assert.Equal(["vin", "near", "truffe", "noix", "title", "cepes", "x"], terms.Words);
        Assert.All(terms.Stems, s => Assert.True(s.All(char.IsLetterOrDigit), s));
        Assert.Null(terms.Problem);
    }

    [Fact]
    public void Elisions_AndStopWords_AreDropped()
    {
        var terms = ContentSearchTerms.Parse("l’école de la vallée et d'Olt");

        Assert.Equal(["ecole", "vallee", "olt"], terms.Words);
    }

    [Fact]
    public void RepeatedWords_CountOnce_AndAtMostTwelveAreKept()
    {
        Assert.Equal(["enfants"], ContentSearchTerms.Parse("enfants enfant Enfants").Words);
        Assert.Equal(ContentSearchTerms.MaxWords, ContentSearchTerms.Parse(string.Join(' ', Enumerable.Range(1, 30).Select(i => "mot" + i))).Words.Count);
    }

    [Theory]
    [InlineData("le la les de et", "trop courants")]
    [InlineData("🏡 🌳 *** ()", "au moins un mot")]
    public void NothingToSearch_SaysWhy(string text, string message)
    {
        var terms = ContentSearchTerms.Parse(text);

        Assert.True(terms.IsEmpty);
        Assert.Contains(message, terms.Problem);
    }

    [Fact]
    public void AQueryPastTheLimit_IsRefused_WithAMessage()
    {
        Assert.Contains("trop longue", ContentSearchTerms.Parse(new string('a', 10_000)).Problem);
        Assert.Null(ContentSearchTerms.Parse(new string('a', ContentSearchTerms.MaxLength)).Problem);
    }

    [Fact]
    public void Blank_IsNoSearch_AndNoProblem()
    {
        var terms = ContentSearchTerms.Parse("   ");

        Assert.True(terms.IsEmpty);
        Assert.Null(terms.Problem);
    }
}
