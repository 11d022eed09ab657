using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Tests.Infrastructure.Auth;

public sealed class PasswordHashingTests
{
    [Fact]
    public void HashAcceptsTheRightPasswordOnly()
    {
        var hash = ConsolePasswordHasher.Hash("correct horse battery");

        Assert.Equal(PasswordCheck.Right, ConsolePasswordHasher.Verify(hash, "correct horse battery"));
        Assert.Equal(PasswordCheck.Wrong, ConsolePasswordHasher.Verify(hash, "correct horse battery "));
        Assert.Equal(PasswordCheck.Wrong, ConsolePasswordHasher.Verify(hash, ""));
    }

    [Fact]
    public void TwoHashesOfOnePasswordDifferBecauseEachIsSalted()
    {
        var first = ConsolePasswordHasher.Hash("same password");
        var second = ConsolePasswordHasher.Hash("same password");

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("same password", first);
        Assert.True(ConsolePasswordHasher.LooksLikeHash(first));
    }

    [Theory]
    [InlineData("a-plain-password")]
    [InlineData("")]
    [InlineData("AQAAAA==")]
    public void PlainTextIsNotTakenForAHash(string notAHash)
    {
        Assert.False(ConsolePasswordHasher.LooksLikeHash(notAHash));
        Assert.Equal(PasswordCheck.Wrong, ConsolePasswordHasher.Verify(notAHash, notAHash));
    }

    [Fact]
    public void ConfiguredUserWithAPlainPasswordStopsStartupWithAClearMessage()
    {
        using var folder = new TempFolder();
        var options = Options.Create(new ConsoleAuthOptions
        {
            Users = [new ConfiguredUser { Name = "otto", Role = "Operator", PasswordHash = "hunter2hunter2" }],
        });

        var refused = Assert.Throws<InvalidOperationException>(() => new UserDirectory(options, new LocalUserStore(TestDatabases.InFolder(folder.Path), TimeProvider.System)));

        Assert.Contains("Auth:Users:0:PasswordHash for user 'otto' is not a password hash", refused.Message);
        Assert.Contains("hash-password", refused.Message);
    }

    [Fact]
    public void ConfiguredUserWithAnUnknownRoleStopsStartup()
    {
        using var folder = new TempFolder();
        var options = Options.Create(new ConsoleAuthOptions
        {
            Users = [new ConfiguredUser { Name = "otto", Role = "Superuser", PasswordHash = ConsolePasswordHasher.Hash("operator-password") }],
        });

        var refused = Assert.Throws<InvalidOperationException>(() => new UserDirectory(options, new LocalUserStore(TestDatabases.InFolder(folder.Path), TimeProvider.System)));

        Assert.Contains("must be Viewer, Operator or Admin", refused.Message);
    }

    [Fact]
    public void HashPasswordCommandPrintsAHashOfThePasswordItReads()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var handled = PasswordHashCommand.TryRun(["hash-password"], new StringReader("a-test-password\n"), output, error);

        Assert.True(handled);
        Assert.Equal(PasswordCheck.Right, ConsolePasswordHasher.Verify(output.ToString().Trim(), "a-test-password"));
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void HashPasswordCommandRefusesATooShortPassword()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var handled = PasswordHashCommand.TryRun(["hash-password"], new StringReader("short\n"), output, error);
        Environment.ExitCode = 0;

        Assert.True(handled);
        Assert.Equal("", output.ToString());
        Assert.Contains("at least", error.ToString());
    }

    [Fact]
    public void OtherArgumentsLetTheConsoleStart()
    {
        Assert.False(PasswordHashCommand.TryRun(["--urls", "http://127.0.0.1:5000"], TextReader.Null, TextWriter.Null, TextWriter.Null));
        Assert.False(PasswordHashCommand.TryRun([], TextReader.Null, TextWriter.Null, TextWriter.Null));
    }
}
