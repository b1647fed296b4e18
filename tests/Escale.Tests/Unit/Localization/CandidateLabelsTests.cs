using System.Xml.Linq;
using Escale.Core.Opportunities.Interest;
using Escale.Tests.Infrastructure;
using Escale.Web.Infrastructure.Identity;
using Escale.Web.Pages.EspacePartenaire;

namespace Escale.Tests.Unit.Localization;

public sealed class CandidateLabelsTests
{
    private static HashSet<string> EnglishKeys() =>
        XDocument.Load(Path.Combine(RepoPaths.Root, "src", "Escale.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void EveryCandidateLabelAndSpaceName_HasAnEnglishTranslation()
    {
        var labels = Enum.GetValues<CandidateStatus>().Select(CandidateLabels.Status)
            .Concat(CandidateLabels.Choices.SelectMany(s => new[] { CandidateLabels.Action(s), CandidateLabels.StatusConfirmation(s), CandidateLabels.Step(CandidateStepKind.StatusChanged, s) }))
            .Append(CandidateLabels.Step(CandidateStepKind.Answered, null))
            .Concat(new[] { PersonalSpaces.PartnerSpace, PersonalSpaces.BackOffice, PersonalSpaces.NewcomerSpace }.Select(s => s.Label));

        var english = EnglishKeys();
        Assert.Equal([], labels.Where(label => !english.Contains(label)).ToList());
    }
}
