namespace MailFromConsole.Benchmarks;

/// <summary>One benchmark the dispatcher can run by name. Benchmarks print their result; they are not tests.</summary>
internal interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    /// <returns>The process exit code: 0 when the benchmark met its goal.</returns>
    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken);
}
