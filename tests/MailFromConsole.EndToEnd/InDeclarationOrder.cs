using Xunit.Abstractions;
using Xunit.Sdk;

namespace MailFromConsole.EndToEnd;

/// <summary>
/// Runs a class's tests in the order they are written (the compiler keeps it in the methods' metadata tokens), for a
/// class whose last test ends what its fixture shares, such as killing one of two console processes.
/// </summary>
public sealed class InDeclarationOrder : ITestCaseOrderer
{
    public const string TypeName = "MailFromConsole.EndToEnd." + nameof(InDeclarationOrder);
    public const string AssemblyName = "MailFromConsole.EndToEnd";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(test => ((IReflectionMethodInfo)test.TestMethod.Method).MethodInfo.MetadataToken);
}
