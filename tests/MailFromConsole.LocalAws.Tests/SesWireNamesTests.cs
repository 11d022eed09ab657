using System.Reflection;
using MailFromConsole.LocalAws.Ses;
using MailFromConsole.Testing;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>The local SES answers only operations AWS's own service model has, under the model's names.</summary>
public sealed class SesWireNamesTests
{
    private static readonly ServiceModel Ses = ServiceModel.Load("ses", "2010-12-01");

    [Fact]
    public void EveryQueryActionTheLocalSesAnswersIsAnOperationOfTheModel()
    {
        var constants = typeof(SesOperations).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(constants.Order(), SesOperations.All.Order());
        Assert.All(constants, op => Assert.True(Ses.Operations.Any(o => o.Name == op), $"SES has no operation {op}"));
    }
}
