using System.Net;

namespace CoachBot.Graph;

/// <summary>Why a Graph call failed, in the terms callers act on.</summary>
public enum GraphFailureKind
{
    /// <summary>Graph or the network is down, timed out, or still throttling after retries: degrade (e.g. "no slots today") and try later.</summary>
    Unavailable,

    /// <summary>The app lacks consent or Exchange RBAC scope for this mailbox: an admin must act; retrying will not help.</summary>
    AccessDenied,

    /// <summary>The user, mailbox or event does not exist.</summary>
    NotFound,

    /// <summary>Graph rejected the request itself (a bug on our side or an unexpected tenant shape).</summary>
    BadRequest,
}

/// <summary>The only exception CoachBot.Graph lets escape; the SDK's own exceptions are wrapped in it.</summary>
public sealed class GraphException : Exception
{
    public GraphException() : this(GraphFailureKind.Unavailable, "unknown", null, "Graph call failed.", null) { }

    public GraphException(string message) : this(GraphFailureKind.Unavailable, "unknown", null, message, null) { }

    public GraphException(string message, Exception innerException)
        : this(GraphFailureKind.Unavailable, "unknown", null, message, innerException) { }

    public GraphException(GraphFailureKind kind, string operation, HttpStatusCode? status, string message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
        Operation = operation;
        Status = status;
    }

    public GraphFailureKind Kind { get; }

    /// <summary>The CoachBot operation that failed, e.g. "getSchedule".</summary>
    public string Operation { get; }

    public HttpStatusCode? Status { get; }

    /// <summary>True when trying again later may succeed.</summary>
    public bool IsTransient => Kind == GraphFailureKind.Unavailable;
}
