using Escale.Core.Territories;
using Microsoft.AspNetCore.Identity;

namespace Escale.Core.Identity;

public sealed class ApplicationUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>For the retention rule: accounts are erased three years after their last sign-in.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }
    /// <summary>The campaign cookies (last-touch, first-touch) when the account was created, for the campaign reports.</summary>
    public string? CampaignCode { get; set; }
    public string? FirstCampaignCode { get; set; }

    /// <summary>For welcome referents: the intercommunalities whose cases they may see.</summary>
    public List<Intercommunality> ReferentIntercommunalities { get; set; } = [];
}

public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Editor = nameof(Editor);
    public const string WelcomeReferent = nameof(WelcomeReferent);
    public const string CommissionMember = nameof(CommissionMember);
    public const string Ambassador = nameof(Ambassador);
    public const string Partner = nameof(Partner);
    public const string Newcomer = nameof(Newcomer);
    public const string Jury = nameof(Jury);

    public static readonly IReadOnlyList<string> All =
        [Administrator, Editor, WelcomeReferent, CommissionMember, Ambassador, Partner, Newcomer, Jury];
}
