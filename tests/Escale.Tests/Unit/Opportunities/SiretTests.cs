using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Import;

namespace Escale.Tests.Unit.Opportunities;

public sealed class SiretTests
{
    [Theory]
    [InlineData("73282932000074", true)]
    [InlineData("732 829 320 00074", true)]
    [InlineData("73282932000075", false)]
    [InlineData("7328293200007", false)]
    [InlineData("7328293200007A", false)]
    [InlineData("35600000000001", true)] // La Poste: digit sum multiple of 5, Luhn would refuse it
    [InlineData("", false)]
    public void IsValid_ChecksLengthDigitsAndKey(string siret, bool expected) => Assert.Equal(expected, Siret.IsValid(siret));
}

public sealed class SalaryTextTests
{
    [Theory]
    [InlineData("Mensuel de 2000,00 Euros à 2500,00 Euros sur 12 mois", 24000, 30000)]
    [InlineData("Mensuel de 1800.0 Euros sur 13 mois", 23400, 23400)]
    [InlineData("Annuel de 35000 Euros à 42000 Euros", 35000, 42000)]
    [InlineData("Horaire de 12,00 Euros sur 12 mois", 21840, 21840)]
    public void TryParse_ReadsFranceTravailWordingAsYearlyGross(string text, int min, int max)
    {
        Assert.True(SalaryText.TryParse(text, out var yearlyMin, out var yearlyMax));
        Assert.Equal((min, max), (yearlyMin!.Value, yearlyMax!.Value));
    }

    [Theory]
    [InlineData("Selon profil")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownWording_GivesNoSalary(string? text) => Assert.False(SalaryText.TryParse(text, out _, out _));
}
