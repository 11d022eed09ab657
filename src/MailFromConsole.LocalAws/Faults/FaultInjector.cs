using MailFromConsole.LocalAws.Wire;

namespace MailFromConsole.LocalAws.Faults;

/// <summary>Holds the active fault rules and applies the first that matches a request.</summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules;

    public FaultInjector(IEnumerable<FaultRule> initial) => _rules = [.. initial];

    public IReadOnlyList<FaultRule> Rules
    {
        get { lock (_gate) { return [.. _rules]; } }
    }

    public void Add(FaultRule rule)
    {
        lock (_gate) { _rules.Add(rule); }
    }

    public void Clear()
    {
        lock (_gate) { _rules.Clear(); }
    }

    /// <summary>Delays first when a Delay rule matches; throws the AWS error of the first error rule that matches.</summary>
    public async Task ApplyAsync(string service, string action, CancellationToken cancellationToken)
    {
        var delay = Take(service, action, delays: true);
        if (delay is not null)
        {
            await Task.Delay(delay.DelayMilliseconds, cancellationToken);
        }

        var fault = Take(service, action, delays: false);
        if (fault is null)
        {
            return;
        }

        throw fault.Kind switch
        {
            FaultKind.Throttling => AwsError.Throttling(),
            FaultKind.PriorRequestNotComplete => new AwsError(400, "PriorRequestNotComplete",
                "The request was rejected because Route 53 was still processing a prior request."),
            _ => new AwsError(fault.StatusCode, service == "ses" ? "InternalFailure" : "InternalError",
                "An internal error has occurred. (injected fault)", "Receiver"),
        };
    }

    private FaultRule? Take(string service, string action, bool delays)
    {
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(r =>
                (r.Kind == FaultKind.Delay) == delays &&
                (r.Service is null || string.Equals(r.Service, service, StringComparison.OrdinalIgnoreCase)) &&
                (r.Action is null || string.Equals(r.Action, action, StringComparison.OrdinalIgnoreCase)));
            if (rule?.Count is int count)
            {
                if (count <= 1)
                {
                    _rules.Remove(rule);
                }
                else
                {
                    rule.Count = count - 1;
                }
            }

            return rule;
        }
    }
}
