using System.Globalization;
using Escale.Web.Infrastructure.Localization;

namespace Escale.Tests.Unit.Localization;

public sealed class FormatsTests
{
    [Theory]
    [InlineData("fr-FR", 0, true)]
    [InlineData("fr-FR", 1, true)]
    [InlineData("fr-FR", 2, false)]
    [InlineData("fr-FR", 1000, false)]
    [InlineData("en-GB", 0, false)]
    [InlineData("en-GB", 1, true)]
    [InlineData("en-GB", 2, false)]
    public void TakesSingular_FollowsTheLanguage_FrenchZeroAndOne_EnglishOneOnly(string culture, int count, bool singular)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(singular, Formats.TakesSingular(count));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
