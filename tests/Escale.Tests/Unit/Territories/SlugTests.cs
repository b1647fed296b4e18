using Escale.Core.Territories;

namespace Escale.Tests.Unit.Territories;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Saint-Céré", "saint-cere")]
    [InlineData("Le Vignon-en-Quercy", "le-vignon-en-quercy")]
    [InlineData("CC de la Vallée du Lot et du Vignoble", "cc-de-la-vallee-du-lot-et-du-vignoble")]
    [InlineData("Cœur de Causse", "coeur-de-causse")]
    [InlineData("  L’Hospitalet  ", "l-hospitalet")]
    public void From_TransliteratesAccentsAndPunctuation(string text, string expected) =>
        Assert.Equal(expected, Slug.From(text));
}

public sealed class GeoDistanceTests
{
    [Fact]
    public void Kilometres_CahorsToFigeac_IsAboutFiftyFive()
    {
        var km = GeoDistance.Kilometres(44.4475, 1.4419, 44.6086, 2.0317);

        Assert.InRange(km, 48, 52);
    }
}
