using Escale.Core.Territories;
using Escale.Core.Welcome.Matching;

namespace Escale.Tests.Unit.Welcome;

public sealed class SchoolMatcherTests
{
    private const int FigeacId = 1, CapdenacId = 2, AssierId = 3;

    [Theory]
    [InlineData(-1, SchoolLevels.None)]
    [InlineData(0, SchoolLevels.None)]
    [InlineData(2, SchoolLevels.None)]
    [InlineData(3, SchoolLevels.Preschool)]
    [InlineData(5, SchoolLevels.Preschool)]
    [InlineData(6, SchoolLevels.Elementary)]
    [InlineData(10, SchoolLevels.Elementary)]
    [InlineData(11, SchoolLevels.MiddleSchool)]
    [InlineData(14, SchoolLevels.MiddleSchool)]
    [InlineData(15, SchoolLevels.HighSchool)]
    [InlineData(17, SchoolLevels.HighSchool)]
    [InlineData(18, SchoolLevels.None)]
    [InlineData(40, SchoolLevels.None)]
    public void LevelFor_GivesTheSchoolOfTheChildsAge(int age, SchoolLevels level) =>
        Assert.Equal(level, SchoolMatcher.LevelFor(age));

    private static TerritoryService School(int id, string name, int communeId, double latitude, double longitude, SchoolLevels levels) => new()
    {
        Id = id, Kind = TerritoryServiceKind.School, SourceKey = "046000" + id, Name = name, CommuneId = communeId,
        Latitude = latitude, Longitude = longitude, SchoolLevels = levels,
    };

    private static readonly TerritoryService[] Services =
    [
        School(1, "Élémentaire du centre", FigeacId, 44.6080, 2.0300, SchoolLevels.Elementary),
        School(2, "Élémentaire du bourg", FigeacId, 44.6055, 2.0260, SchoolLevels.Elementary),
        School(3, "Primaire de Capdenac", CapdenacId, 44.5845, 2.0673, SchoolLevels.Preschool | SchoolLevels.Elementary),
        School(4, "Collège de Capdenac", CapdenacId, 44.5850, 2.0680, SchoolLevels.MiddleSchool),
        School(5, "Collège d’Assier", AssierId, 44.6722, 1.8743, SchoolLevels.MiddleSchool),
        new TerritoryService { Id = 6, Kind = TerritoryServiceKind.Station, SourceKey = "87000", Name = "Gare de Figeac", CommuneId = FigeacId, Latitude = 44.6090, Longitude = 2.0320 },
    ];

    private static IReadOnlyList<ChildSchools> Match(IReadOnlyList<int> ages) =>
        SchoolMatcher.Match(ages, [new TargetCommuneServices("Figeac", NearbyServices.For(FigeacId, 44.60526, 2.02543, Services))],
            school => school.CommuneId switch { FigeacId => "Figeac", CapdenacId => "Capdenac", _ => "Assier" });

    [Fact]
    public void Match_ProposesTheCommunesOwnSchoolsOfTheLevel_NearestFirst()
    {
        var child = Assert.Single(Match([7]));

        Assert.Equal((0, 7, SchoolLevels.Elementary), (child.ChildIndex, child.Age, child.Level));
        Assert.Equal(["Élémentaire du bourg", "Élémentaire du centre"], child.Schools.Select(s => s.School.Name));
        Assert.All(child.Schools, s => Assert.Equal(("Figeac", "Figeac"), (s.SchoolCommune, s.FromCommune)));
        Assert.True(child.Schools[0].DistanceKm < child.Schools[1].DistanceKm);
    }

    [Fact]
    public void Match_WithoutASchoolOfTheLevelInTheCommune_ProposesTheNearestElsewhere()
    {
        var child = Assert.Single(Match([12]));

        Assert.Equal(["Collège de Capdenac", "Collège d’Assier"], child.Schools.Select(s => s.School.Name));
        Assert.Equal("Capdenac", child.Schools[0].SchoolCommune);
        Assert.InRange(child.Schools[0].DistanceKm, 3, 5);
    }

    [Fact]
    public void Match_LeavesOutChildrenTooYoungOrTooOldForSchool_AndKeepsEachChildsIndex()
    {
        var children = Match([2, 4, 19]);

        var child = Assert.Single(children);
        Assert.Equal((1, SchoolLevels.Preschool), (child.ChildIndex, child.Level));
        Assert.Equal(["Primaire de Capdenac"], child.Schools.Select(s => s.School.Name));
    }

    [Fact]
    public void Match_WithoutATargetCommune_ProposesNothing() =>
        Assert.Empty(SchoolMatcher.Match([7], [], _ => ""));
}
