using System.Xml.Linq;
using Escale.Core.BrandCoCreation;
using Escale.Tests.Infrastructure;
using Escale.Web.Pages.Jeunes.Marque;

namespace Escale.Tests.Unit.BrandCoCreation;

public sealed class BrandLabelsTests
{
    [Fact]
    public void EveryKindStatusAndAnswer_HasALabel_WithItsEnglish()
    {
        var english = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "Escale.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        string[] labels =
        [
            .. Enum.GetValues<BrandProposalKind>().Select(BrandLabels.Kind),
            .. Enum.GetValues<BrandProposalStatus>().Select(BrandLabels.Status),
            .. Enum.GetValues<BrandAnswer>().Select(BrandLabels.Answer),
        ];

        Assert.Equal(labels.Length, labels.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal([], labels.Where(label => !english.Contains(label)));
    }

    [Fact]
    public void EveryKindAndAnswer_HasOneQueryStringSlug()
    {
        Assert.Equal(Enum.GetValues<BrandProposalKind>(), BrandLabels.KindSlugs.Select(k => k.Kind).Order());
        Assert.Equal(Enum.GetValues<BrandAnswer>(), BrandLabels.AnswerSlugs.Select(a => a.Answer).Order());
    }
}
