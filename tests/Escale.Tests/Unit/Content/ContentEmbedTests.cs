using Escale.Core.Content;

namespace Escale.Tests.Unit.Content;

public sealed class ContentEmbedTests
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://WWW.YOUTUBE.COM/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1", "https://vimeo.com/76979871")]
    [InlineData("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871?dnt=1", "https://vimeo.com/76979871")]
    [InlineData("https://www.dailymotion.com/video/x8abc12", "https://www.dailymotion.com/embed/video/x8abc12", "https://www.dailymotion.com/video/x8abc12")]
    [InlineData("https://dai.ly/x8abc12", "https://www.dailymotion.com/embed/video/x8abc12", "https://www.dailymotion.com/video/x8abc12")]
    public void Video_FromAKnownProvider_GivesItsPrivacyFriendlyPlayer(string address, string player, string watch)
    {
        var embed = ContentEmbed.Parse(EmbedKind.Video, address);

        Assert.NotNull(embed);
        Assert.Equal(player, embed.PlayerUrl);
        Assert.Equal(watch, embed.WatchUrl);
        Assert.False(embed.IsAudio);
        Assert.Contains(ContentEmbed.FrameOrigins, origin => embed.PlayerUrl.StartsWith(origin + "/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://soundcloud.com/radio-causse/episode-12", "SoundCloud", "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fradio-causse%2Fepisode-12")]
    [InlineData("https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk", "Spotify", "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk")]
    [InlineData("https://open.spotify.com/embed/show/4rOoJ6Egrf8K2IrywzwOMk", "Spotify", "https://open.spotify.com/embed/show/4rOoJ6Egrf8K2IrywzwOMk")]
    [InlineData("https://player.ausha.co/?podcastId=oKd4Jtp0bLQ3&v=3&playerId=ausha-xyz", "Ausha", "https://player.ausha.co/?podcastId=oKd4Jtp0bLQ3&v=3")]
    public void Podcast_FromAKnownProvider_GivesItsPlayer(string address, string provider, string player)
    {
        var embed = ContentEmbed.Parse(EmbedKind.Podcast, address);

        Assert.NotNull(embed);
        Assert.Equal(provider, embed.Provider);
        Assert.Equal(player, embed.PlayerUrl);
        Assert.Contains(ContentEmbed.FrameOrigins, origin => embed.PlayerUrl.StartsWith(origin + "/", StringComparison.Ordinal));
    }

    [Fact]
    public void Podcast_AsAnHttpsMp3File_IsAnAudioElementWithoutItsFragment()
    {
        var embed = ContentEmbed.Parse(EmbedKind.Podcast, "https://media.radio.example/emissions/ep-3.mp3#t=10");

        Assert.NotNull(embed);
        Assert.True(embed.IsAudio);
        Assert.Equal("https://media.radio.example/emissions/ep-3.mp3", embed.PlayerUrl);
        Assert.Equal("media.radio.example", embed.Provider);
    }

    [Theory]
    [InlineData("javascript:alert(1)//https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("JaVaScRiPt:alert(document.cookie)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("http://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("//www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://evilyoutube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://evil.example/www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.yоutube.com/watch?v=dQw4w9WgXcQ")] // a Cyrillic "о"
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><script>alert(1)</script>")]
    [InlineData("https://www.youtube.com/watch?v=short")]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ/../../evil")]
    [InlineData("https://vimeo.com/channels/staffpicks")]
    [InlineData("https://vimeo.com/123abc")]
    [InlineData("https://www.dailymotion.com/video/x8a\"onload=1")]
    [InlineData("https://peertube.example/w/abc")]
    [InlineData("not a url")]
    [InlineData("")]
    public void Video_FromAnythingElse_IsRefused(string address)
    {
        Assert.Null(ContentEmbed.Parse(EmbedKind.Video, address));
    }

    [Theory]
    [InlineData("http://media.radio.example/ep.mp3")]
    [InlineData("data:audio/mpeg;base64,AAAA.mp3")]
    [InlineData("javascript:alert(1)//x.mp3")]
    [InlineData("https://media.radio.example/ep.mp3.html")]
    [InlineData("https://soundcloud.com.evil.example/a/b")]
    [InlineData("https://soundcloud.com/a")]
    [InlineData("https://open.spotify.com/track/4rOoJ6Egrf8K2IrywzwOMk")]
    [InlineData("https://player.ausha.co/?podcastId=<script>")]
    [InlineData("https://podcast.ausha.co/mon-podcast/episode-1")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    public void Podcast_FromAnythingElse_IsRefused(string address)
    {
        Assert.Null(ContentEmbed.Parse(EmbedKind.Podcast, address));
    }

    [Fact]
    public void Refused_ListsBadShortcodeLines_ButNotThoseInCode()
    {
        var markdown = "Intro\n\n::video https://www.youtube.com/watch?v=dQw4w9WgXcQ Le film\n\n::video https://evil.example/x\n\n```\n::podcast https://evil.example/y\n```\n\n    ::video javascript:alert(1)\n\n::podcast\n";

        Assert.Equal(["::video https://evil.example/x", "::podcast"], ContentEmbed.Refused(markdown));
    }

    [Fact]
    public void Draft_WithAnUnknownProvider_HasAFrenchErrorOnItsBody()
    {
        var draft = new ContentDraft
        {
            Type = ContentType.Portrait,
            Texts = [new ContentText("fr", "Titre", null, "::video https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ")],
        };

        var error = Assert.Single(draft.Validate());

        Assert.Equal("Body.fr", error.Field);
        Assert.Contains("ne peut pas être intégrée", error.Message, StringComparison.Ordinal);
    }
}
