using Escale.Core.Territories;
using Escale.Core.Welcome;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Unit.Welcome;

public sealed class WelcomePackTests
{
    [Fact]
    public void Load_LotPack_HasTheDepartmentalTeamTheThreeChambersAndTheTourismAgency()
    {
        var pack = WelcomePack.Load(RepoPaths.LotPack);

        Assert.Equal(3, pack.FirstResponseWorkingDays);
        Assert.Single(pack.Organisations, o => o.Kind == WelcomeOrganisationKind.DepartmentalTeam);
        Assert.Equal(3, pack.Organisations.Count(o => o.Kind == WelcomeOrganisationKind.Chamber));
        Assert.Single(pack.Organisations, o => o.Kind == WelcomeOrganisationKind.TourismAgency);
        Assert.Contains("A", pack.Organisations.Single(o => o.Key == "agriculture").NafSections);
    }

    [Fact]
    public void Load_SectionClaimedByTwoChambersAndBadKind_NamesTheFields()
    {
        var folder = RepoPaths.CopyOfLotPack();
        var path = Path.Combine(folder, WelcomePack.FileName);
        File.WriteAllText(path, File.ReadAllText(path)
            .Replace("\"nafSections\": [\"F\", \"S\"]", "\"nafSections\": [\"A\", \"S\"]", StringComparison.Ordinal)
            .Replace("\"kind\": \"TourismAgency\"", "\"kind\": \"Tourism\"", StringComparison.Ordinal));

        var error = Assert.Throws<TerritoryPackException>(() => WelcomePack.Load(folder));

        Assert.Contains(error.Errors, e => e.File == WelcomePack.FileName && e.Field == "organisations.nafSections" && e.Message.Contains('A', StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Field == "organisations[4].kind");
    }
}
