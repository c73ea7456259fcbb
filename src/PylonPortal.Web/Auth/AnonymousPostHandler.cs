using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace PylonPortal.Web.Auth;

/// <summary>
/// Anonymous requests for a page (GET) are sent to sign-in and come back to it afterwards. Anything else
/// (a CSV export, a form post, SignalR's negotiate) cannot be replayed after the round trip through Entra ID,
/// so it gets a plain 401 instead of a redirect to an identity provider that a script cannot follow.
/// </summary>
internal sealed class AnonymousPostHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Challenged && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, result);
    }
}
