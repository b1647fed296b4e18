using Escale.Core.Content.Search;

namespace Escale.Tests.Unit.Content.Search;

public sealed class SearchSnippetTests
{
    [Fact]
    public void Build_MarksEveryFormOfTheSearchedWords_AndEscapesTheRest()
    {
        var stems = ContentSearchTerms.Parse("enfants ecole").Stems;

        var html = SearchSnippet.Build("<b>L’École</b> & ses enfants : un enfant.", stems);

        Assert.Equal("&lt;b&gt;L’<mark>École</mark>&lt;/b&gt; &amp; ses <mark>enfants</mark> : un <mark>enfant</mark>.", html);
    }

    [Fact]
    public void Build_CutsAWindowAroundTheFirstMatch()
    {
        var text = string.Join(' ', Enumerable.Range(1, 100).Select(i => "mot" + i)) + " truffe " + string.Join(' ', Enumerable.Range(1, 100).Select(i => "fin" + i));

        var html = SearchSnippet.Build(text, ContentSearchTerms.Parse("truffes").Stems);

        Assert.StartsWith("… mot93", html);
        Assert.Contains("<mark>truffe</mark>", html);
        Assert.EndsWith("…", html);
        Assert.True(html.Split(' ').Length < 40);
    }

    [Fact]
    public void Build_WithoutAMatchInTheText_ShowsItsBeginning() =>
        Assert.Equal("Une vallée … ", SearchSnippet.Build("Une vallée", ["truff"]) + " … ");

    [Fact]
    public void FromMarked_EscapesEverything_ThenMarksBetweenTheMarkers() =>
        Assert.Equal("a &lt;i&gt; <mark>vin</mark> &amp; <mark>noix</mark>",
            SearchSnippet.FromMarked($"a <i> {SearchSnippet.Open}vin{SearchSnippet.Close} & {SearchSnippet.Open}noix{SearchSnippet.Close}"));

    [Fact]
    public void Clean_RemovesTheMarkersFromIndexedText() =>
        Assert.Equal("[x]", SearchSnippet.Clean($"{SearchSnippet.Open}x{SearchSnippet.Close}"));
}
