using Escale.Core.Territories;

namespace Escale.Web.Infrastructure.Territory;

/// <summary>The French words for the services of the territory pack; the English ones are in SharedResource.en.resx.</summary>
public static class ServiceLabels
{
    public static string Level(SchoolLevels level) => level switch
    {
        SchoolLevels.Preschool => "École maternelle (3 à 6 ans)",
        SchoolLevels.Elementary => "École élémentaire (6 à 11 ans)",
        SchoolLevels.MiddleSchool => "Collège (11 à 15 ans)",
        SchoolLevels.HighSchool => "Lycée (15 à 18 ans)",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>The level in a sentence: « Pour votre enfant de 6 ans (école élémentaire) ».</summary>
    public static string LevelInSentence(SchoolLevels level) => level switch
    {
        SchoolLevels.Preschool => "école maternelle",
        SchoolLevels.Elementary => "école élémentaire",
        SchoolLevels.MiddleSchool => "collège",
        SchoolLevels.HighSchool => "lycée",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>The anchor of a level's list on the commune page.</summary>
    public static string LevelId(SchoolLevels level) => level switch
    {
        SchoolLevels.Preschool => "maternelle",
        SchoolLevels.Elementary => "elementaire",
        SchoolLevels.MiddleSchool => "college",
        SchoolLevels.HighSchool => "lycee",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static string Status(TerritoryService school) => school.IsPrivate ? "privé" : "public";
}
