using PdfSharp.Fonts;

namespace Escale.Web.Infrastructure.Pdf;

/// <summary>
/// The fonts of every PDF Escale makes: DejaVu Sans (regular and bold), copied from the npm package
/// <c>dejavu-fonts-ttf</c> into <c>wwwroot/lib/dejavu-fonts-ttf</c> by the build, with its licence. PDFsharp on Linux
/// finds no system font by itself (https://docs.pdfsharp.net/PDFsharp/Topics/Fonts/Font-Resolving.html), and a PDF
/// should not change with the machine's fonts anyway. <see cref="GlobalFontSettings.FontResolver"/> is process-wide and
/// set once; the files are read once and kept.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private static readonly Lock Gate = new();

    private readonly Dictionary<string, byte[]> _faces;

    private PdfFonts(string folder) =>
        _faces = new[] { Regular, Bold }.ToDictionary(face => face, face => File.ReadAllBytes(Path.Combine(folder, face + ".ttf")), StringComparer.Ordinal);

    /// <summary>Installs the resolver for the process, from the web root's copy of the fonts, unless it is already there.</summary>
    public static void Install(string webRootPath)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PdfFonts)
            {
                GlobalFontSettings.FontResolver = new PdfFonts(Path.Combine(webRootPath, "lib", "dejavu-fonts-ttf"));
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);
}
