using MailFromConsole.Aws.Tests.Infrastructure;

namespace MailFromConsole.Aws.Tests.Http;

public sealed class SigV4VectorTests
{
    /// <summary>AWS's published SigV4 test suite, case "get-vanilla": proves the verifier the other tests rely on.</summary>
    [Fact]
    public void VerifierReproducesTheGetVanillaSignatureFromAwsTestSuite()
    {
        var signature = SigV4Verifier.ComputeSignature(
            "GET", "/", "",
            [("host", "example.amazonaws.com"), ("x-amz-date", "20150830T123600Z")],
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "20150830T123600Z", "us-east-1", "service", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signature);
    }
}
