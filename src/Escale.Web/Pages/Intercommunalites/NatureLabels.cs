namespace Escale.Web.Pages.Intercommunalites;

/// <summary>The French name of an intercommunality's legal nature (DGCL codes), used as the translation key.</summary>
public static class NatureLabels
{
    public static string For(string nature) => nature switch
    {
        "CC" => "Communauté de communes",
        "CA" => "Communauté d’agglomération",
        "CU" => "Communauté urbaine",
        "METRO" or "ME" => "Métropole",
        _ => nature,
    };
}
